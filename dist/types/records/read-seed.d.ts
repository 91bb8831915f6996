import type { InputFile } from './find-input-files.js';
import type { RecordSink } from './record-collector.js';
/**
 * The test file of the seed Python framework (ABTestManager, under `~/.hermes/ab_tests/`):
 * `{test_id, task, cold_results: [...], warm_results: [...]}`.
 */
export interface SeedTestFile {
    test_id: unknown;
    task?: unknown;
    cold_results?: unknown;
    warm_results?: unknown;
    [other: string]: unknown;
}
export declare function isSeedTestFile(document: unknown): document is SeedTestFile;
/**
 * Each result becomes a record (location `cold_results[2]`), every field of it kept. Absent
 * fields come from the test: the variant from the list, `experiment` from `test_id`, `task_id`
 * from `task.task_id` / `task.id` else `test_id`, `category` / `difficulty` from `task`.
 */
export declare function readSeedTestFile(test: SeedTestFile, file: InputFile, sink: RecordSink): void;
