import { type ParallelOptions } from './read-jsonl-parallel.js';
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
/**
 * Reads session records from files, directories and globs. Problems never stop the read: they
 * are all returned, and the caller decides whether to go on.
 */
export declare function readSessions(patterns: string[], options: ReadOptions): Promise<ReadResult>;
