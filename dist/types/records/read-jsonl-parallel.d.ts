import type { InputFile } from './find-input-files.js';
import { type ByteRange } from './read-jsonl.js';
import { RecordCollector, type CollectOptions } from './record-collector.js';
/** When and how `readSessions` reads a JSON Lines file on several threads. */
export interface ParallelOptions {
    /** The script a worker runs; undefined: read on one thread. */
    workerScript: string | URL | undefined;
    /** Smallest JSON Lines file worth the threads. */
    minBytes: number;
    /** How many ranges (and so threads) to read a file in; 1: one thread. */
    threads: number;
}
/** Lets `readSessions` start workers on `workerScript`, an entry point that runs `runRangeTask`. */
export declare function enableParallelReading(workerScript: string | URL): void;
export declare function parallelOptions(overrides?: Partial<ParallelOptions>): ParallelOptions;
declare const RANGE_TASK = "ab-verdict/read-jsonl-range";
/** What a worker is started with. */
export interface RangeTask {
    task: typeof RANGE_TASK;
    file: InputFile;
    range: ByteRange;
    /** Passed to the worker's collector, so that its part has the label columns of the reader's. */
    options: Pick<CollectOptions, 'onInvalid' | 'experiment' | 'labelFields'>;
}
export declare function isRangeTask(data: unknown): data is RangeTask;
/** The work of a worker thread: reads its range and posts the findings, arrays transferred. */
export declare function runRangeTask({ file, range, options }: RangeTask): Promise<void>;
/**
 * `readJsonLines` on several threads: the file is split into byte ranges at newlines, one per
 * thread; the main thread reads the first range (it would only wait otherwise) and a worker
 * thread each of the others, then absorbs the workers' findings in file order, so that the
 * result is exactly that of reading the file alone: the same rows, duplicates, problems and line
 * numbers. The collector must not keep records.
 *
 * A worker runs `workerScript`, a bundle's entry point that hands its `workerData` to
 * `runRangeTask` when `isRangeTask` says it is one (the CLI's is dist/read-worker.js, which it
 * names with `enableParallelReading`).
 */
export declare function readJsonLinesInParallel(file: InputFile, collector: RecordCollector, collect: RangeTask['options'], { workerScript, threads }: ParallelOptions): Promise<void>;
export {};
