import { describeValue } from './describe-value.js';
import type { InputFile } from './find-input-files.js';
import type { RecordSink } from './record-collector.js';
import type { RecordDefaults } from './schema.js';

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

const RESULT_LISTS = [
  ['cold_results', 'cold'],
  ['warm_results', 'warm'],
] as const;

export function isSeedTestFile(document: unknown): document is SeedTestFile {
  return (
    typeof document === 'object' &&
    document !== null &&
    'test_id' in document &&
    ('cold_results' in document || 'warm_results' in document)
  );
}

/**
 * Each result becomes a record (location `cold_results[2]`), every field of it kept. Absent
 * fields come from the test: the variant from the list, `experiment` from `test_id`, `task_id`
 * from `task.task_id` / `task.id` else `test_id`, `category` / `difficulty` from `task`.
 */
export function readSeedTestFile(test: SeedTestFile, file: InputFile, sink: RecordSink): void {
  const testId = asLabel(test.test_id);
  const task = isObject(test.task) ? test.task : {};
  const shared: RecordDefaults = {
    experiment: testId,
    task_id: asLabel(task.task_id) ?? asLabel(task.id) ?? testId,
    category: asLabel(task.category),
    difficulty: asLabel(task.difficulty),
  };
  for (const [list, variant] of RESULT_LISTS) {
    const results = test[list];
    if (results == null) continue;
    if (!Array.isArray(results)) {
      const found = describeValue(results);
      sink.problem(file.display, '', `expected a list of session results, got ${found}`, list);
      continue;
    }
    const defaults = withoutUndefined({ ...shared, variant });
    results.forEach((result, index) => {
      sink.record(file.display, `${list}[${index}]`, result, defaults);
    });
  }
}

/** A string label, or a number written as one (the seed's ids may be numbers). */
function asLabel(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops undefined entries, so they cannot hide the configured experiment when merged over it. */
function withoutUndefined(defaults: RecordDefaults): RecordDefaults {
  return Object.fromEntries(Object.entries(defaults).filter(([, value]) => value !== undefined));
}
