import { type RecordDefaults } from './schema.js';
import { ColumnarSessionTable, type TablePart } from './session-table.js';
import type { RecordProblem, SessionRecord } from './types.js';
/** What a reader hands its findings to. */
export interface RecordSink {
    /** A parsed value that should be a session record, found at `location` (see `RecordSource`). */
    record(file: string, location: string | number, value: unknown, defaults?: RecordDefaults): void;
    /** A problem with a file or a place in it that is not a record. */
    problem(file: string, location: string, message: string, field?: string): void;
}
export interface CollectOptions {
    onInvalid: 'fail' | 'skip';
    experiment?: string;
    keepRecords?: boolean;
    /** Extra label columns of the table (`TableOptions.extraLabels`). */
    labelFields?: readonly string[];
    /** Collect for `toPart`: the findings of one range of a file, to `absorb` into another collector. */
    asPart?: boolean;
}
/** What a collector found in one byte range of a JSON Lines file (see `RecordCollector.toPart`). */
export interface CollectorPart {
    table: TablePart;
    /** Located by line within the range. */
    problems: RecordProblem[];
    skipped: number;
    recordsRead: number;
    otherExperiments: [string, number][];
}
/** Validates what the readers find and gathers the valid records of the experiment. */
export declare class RecordCollector implements RecordSink {
    private readonly options;
    readonly table: ColumnarSessionTable;
    readonly problems: RecordProblem[];
    readonly otherExperiments: Map<string, number>;
    /** Invalid records left out (counted with onInvalid 'skip' only). */
    skipped: number;
    /** Valid records of the experiment, before dedupe. */
    recordsRead: number;
    /** Deduped by session_id, the later record winning; only with `keepRecords`. */
    readonly records: Map<string, SessionRecord> | undefined;
    private readonly defaults;
    constructor(options: CollectOptions);
    record(file: string, location: string | number, value: unknown, defaults?: RecordDefaults): void;
    problem(file: string, location: string, message: string, field?: string): void;
    /** The findings so far, to `absorb` into the collector of the ranges before. */
    toPart(): CollectorPart;
    /**
     * Adds the findings of the next range of a JSON Lines file, as if its lines had been read here:
     * `lineOffset` is the number of lines before the range.
     */
    absorb(part: CollectorPart, lineOffset: number): void;
}
