import { open, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker, parentPort } from 'node:worker_threads';
import { BINARY_FILE, EMPTY_FILE, describeReadError, looksBinary } from './file-text.js';
import type { InputFile } from './find-input-files.js';
import { readJsonLinesRange, type ByteRange, type RangeScan } from './read-jsonl.js';
import { RecordCollector, type CollectOptions, type CollectorPart } from './record-collector.js';
import { partBuffers } from './session-table.js';

/** When and how `readSessions` reads a JSON Lines file on several threads. */
export interface ParallelOptions {
  /** The script a worker runs; undefined: read on one thread. */
  workerScript: string | URL | undefined;
  /** Smallest JSON Lines file worth the threads. */
  minBytes: number;
  /** How many ranges (and so threads) to read a file in; 1: one thread. */
  threads: number;
}

const DEFAULTS = {
  minBytes: 32 << 20,
  threads: Math.min(availableParallelism(), 4),
};

let enabledScript: string | URL | undefined;

/** Lets `readSessions` start workers on `workerScript`, an entry point that runs `runRangeTask`. */
export function enableParallelReading(workerScript: string | URL): void {
  enabledScript = workerScript;
}

export function parallelOptions(overrides: Partial<ParallelOptions> = {}): ParallelOptions {
  return { workerScript: enabledScript, ...DEFAULTS, ...overrides };
}

const RANGE_TASK = 'ab-verdict/read-jsonl-range';

/** What a worker is started with. */
export interface RangeTask {
  task: typeof RANGE_TASK;
  file: InputFile;
  range: ByteRange;
  /** Passed to the worker's collector, so that its part has the label columns of the reader's. */
  options: Pick<CollectOptions, 'onInvalid' | 'experiment' | 'labelFields'>;
}

/** What a worker posts back: its findings, located within its range. */
interface RangeResult {
  part: CollectorPart;
  scan: RangeScan;
}

export function isRangeTask(data: unknown): data is RangeTask {
  return typeof data === 'object' && data !== null && (data as RangeTask).task === RANGE_TASK;
}

/** The work of a worker thread: reads its range and posts the findings, arrays transferred. */
export async function runRangeTask({ file, range, options }: RangeTask): Promise<void> {
  const collector = new RecordCollector({ ...options, asPart: true });
  const scan = await readJsonLinesRange(file, collector, range);
  const part = collector.toPart();
  const result: RangeResult = { part, scan };
  parentPort?.postMessage(result, partBuffers(part.table));
}

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
export async function readJsonLinesInParallel(
  file: InputFile,
  collector: RecordCollector,
  collect: RangeTask['options'],
  { workerScript, threads }: ParallelOptions,
): Promise<void> {
  if (workerScript === undefined) throw new Error('no worker script to read in parallel with');
  const plan = await planRanges(file, threads);
  if (typeof plan === 'string') {
    collector.problem(file.display, '', plan);
    return;
  }
  const [first, ...others] = plan;
  if (first === undefined) {
    collector.problem(file.display, '', EMPTY_FILE);
    return;
  }
  const workers = others.map((range) =>
    startWorker(workerScript, { task: RANGE_TASK, file, range, options: collect }),
  );
  try {
    let scan = await readJsonLinesRange(file, collector, first);
    let lines = scan.lines;
    let contentLines = scan.contentLines;
    for (const worker of workers) {
      if (!scan.complete) return;
      const result = await resultOf(worker);
      collector.absorb(result.part, lines);
      scan = result.scan;
      lines += scan.lines;
      contentLines += scan.contentLines;
    }
    if (scan.complete && contentLines === 0) collector.problem(file.display, '', EMPTY_FILE);
  } finally {
    for (const worker of workers) void worker.thread.terminate();
  }
}

interface StartedWorker {
  thread: Worker;
  /** Never rejects: a worker that fails while the main thread reads is no unhandled rejection. */
  outcome: Promise<{ result: RangeResult } | { error: Error }>;
}

function startWorker(script: string | URL, task: RangeTask): StartedWorker {
  const thread = new Worker(script, { workerData: task });
  const outcome = new Promise<{ result: RangeResult } | { error: Error }>((resolve) => {
    const fail = (why: string) =>
      resolve({
        error: new Error(`reading ${task.file.display} in a worker thread failed: ${why}`),
      });
    thread.once('message', (result: RangeResult) => resolve({ result }));
    thread.once('error', (error) => fail(error.stack ?? error.message));
    thread.once('messageerror', (error) => fail(error.message));
    thread.once('exit', (code) => fail(`it exited with code ${code} before posting its findings`));
  });
  return { thread, outcome };
}

async function resultOf(worker: StartedWorker): Promise<RangeResult> {
  const outcome = await worker.outcome;
  if ('error' in outcome) throw outcome.error;
  return outcome.result;
}

/** Bytes read at once while looking for a newline. */
const SEEK_BYTES = 64 << 10;
const SNIFF_BYTES = 1024;
const NEWLINE = 0x0a;

/**
 * Splits a file into up to `count` ranges of about equal size that each start a line, or says
 * why the file cannot be read: it cannot be opened, or it is binary.
 */
async function planRanges(file: InputFile, count: number): Promise<ByteRange[] | string> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file.absolute, 'r');
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    await handle.read(head, 0, head.length, 0);
    if (looksBinary(head)) return BINARY_FILE;
    const starts = size === 0 ? [] : [0];
    for (let k = 1; k < count; k++) {
      const from = Math.max(Math.floor((size * k) / count), starts.at(-1) ?? 0);
      const start = await lineStartFrom(handle, from, size);
      if (start >= size) break;
      starts.push(start);
    }
    return starts.map((start, i) => ({ start, end: starts[i + 1] ?? size }));
  } catch (error) {
    return describeReadError(error);
  } finally {
    await handle?.close();
  }
}

/** The offset just after the first newline at or after `from`, or `size` when there is none. */
async function lineStartFrom(handle: FileHandle, from: number, size: number): Promise<number> {
  const block = Buffer.alloc(SEEK_BYTES);
  for (let position = from; position < size; position += SEEK_BYTES) {
    const { bytesRead } = await handle.read(block, 0, SEEK_BYTES, position);
    if (bytesRead === 0) break;
    const newline = block.subarray(0, bytesRead).indexOf(NEWLINE);
    if (newline !== -1) return position + newline + 1;
  }
  return size;
}
