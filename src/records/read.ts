import { stat } from 'node:fs/promises';
import { findInputFiles, inputProblem, type InputFile } from './find-input-files.js';
import { RecordCollector } from './record-collector.js';
import { readJsonFile } from './read-json.js';
import { readJsonLines } from './read-jsonl.js';
import {
  parallelOptions,
  readJsonLinesInParallel,
  type ParallelOptions,
} from './read-jsonl-parallel.js';
import type { LocatedRecord, RecordProblem, SessionRecord, SessionTable } from './types.js';

export interface ReadOptions {
  /** 'fail' and 'skip' both read everything; 'skip' also counts the invalid records left out. */
  onInvalid: 'fail' | 'skip';
  /** Records without `experiment` get this one; records of another experiment are left out. */
  experiment?: string;
  cwd?: string;
  /** Also return the records themselves (the store needs them). */
  keepRecords?: boolean;
  /** Top-level record fields the table keeps as labels besides the built-in ones (breakdowns). */
  labelFields?: readonly string[];
  /**
   * When to read a JSON Lines file on several threads (never with `keepRecords`). By default,
   * files of 32 MiB or more, on up to 4 threads, once an entry point has called
   * `enableParallelReading`.
   */
  parallel?: Partial<ParallelOptions>;
  /** Records read elsewhere (agent logs, by `src/sources`), checked and counted as the files' are. */
  records?: readonly LocatedRecord[];
}

export interface ReadResult {
  /** Every valid record of the experiment, deduped by session_id. */
  table: SessionTable;
  /** Only with `keepRecords`: deduped, the later record winning. */
  records?: SessionRecord[];
  /** Every problem found, in the order found. */
  problems: RecordProblem[];
  /** Invalid records left out (onInvalid 'skip'). */
  skipped: number;
  /** Files read, relative to cwd, in the order read. */
  files: string[];
  /** Valid records of the experiment, before dedupe. */
  recordsRead: number;
  /** Valid records left out because they belong to another experiment, by experiment. */
  otherExperiments: Record<string, number>;
}

const JSON_LINES = /\.(?:jsonl|ndjson)$/i;

/**
 * Reads session records from files, directories and globs. Problems never stop the read: they
 * are all returned, and the caller decides whether to go on.
 */
export async function readSessions(patterns: string[], options: ReadOptions): Promise<ReadResult> {
  const collector = new RecordCollector(options);
  const files = await findInputFiles(patterns, options.cwd ?? process.cwd(), (pattern, message) =>
    collector.problems.push(inputProblem(pattern, message)),
  );
  const given = options.records ?? [];
  for (const { record, file, location } of given) collector.record(file, location, record);
  const parallel = parallelOptions(options.parallel);
  for (const file of files) {
    if (!JSON_LINES.test(file.absolute)) {
      await readJsonFile(file, collector);
    } else if (!options.keepRecords && (await worthThreads(file, parallel))) {
      const { onInvalid, experiment, labelFields } = options;
      const collect = { onInvalid, experiment, labelFields };
      await readJsonLinesInParallel(file, collector, collect, parallel);
    } else {
      await readJsonLines(file, collector);
    }
  }
  return {
    table: collector.table,
    ...(collector.records && { records: [...collector.records.values()] }),
    problems: collector.problems,
    skipped: collector.skipped,
    files: [...new Set(given.map(({ file }) => file)), ...files.map((file) => file.display)],
    recordsRead: collector.recordsRead,
    otherExperiments: Object.fromEntries(collector.otherExperiments),
  };
}

async function worthThreads(file: InputFile, options: ParallelOptions): Promise<boolean> {
  if (options.workerScript === undefined || options.threads < 2) return false;
  try {
    return (await stat(file.absolute)).size >= options.minBytes;
  } catch {
    return false; // reading it alone says why it cannot be read
  }
}
