import { type PackedIds } from './id-index.js';
import type { LabelField, SessionRecord, SessionTable } from './types.js';
export type AddOutcome = 'added' | 'identical' | 'conflict';
/** The record's own numeric fields, each a column of the table. */
export declare const BUILT_IN_COLUMNS: readonly ["success", "tool_calls", "successful_tool_calls", "completion_time_seconds", "message_count", "user_corrections"];
/**
 * One row as a part had it, in the part's own label codes and metric columns: `codes` by
 * `LABEL_FIELDS` then the extra labels, `builtIns` by `BUILT_IN_COLUMNS`, `metrics` by the part's
 * metric columns (shorter when columns came after it: NaN).
 */
export interface RowContent {
    codes: Int32Array;
    builtIns: Float64Array;
    metrics: Float64Array;
}
/**
 * The table of one byte range of a file, to be merged into the table of the ranges before it
 * (`ColumnarSessionTable.merge`). Plain data and typed arrays, so it crosses threads by
 * structured clone with the typed arrays transferred (`partBuffers`).
 */
export interface TablePart {
    /** Session ids by row, and `hashId` of each. */
    ids: PackedIds;
    hashes: Int32Array;
    /** By `LABEL_FIELDS`, then the table's extra labels (`TableOptions.extraLabels`). */
    labels: {
        values: string[];
        codes: Int32Array;
    }[];
    /** By `BUILT_IN_COLUMNS`. */
    builtIns: Float64Array[];
    metrics: {
        name: string;
        values: Float64Array;
    }[];
    identical: number;
    conflicting: number;
    /** The first conflict of each of up to 20 ids, in order, with how many rows there were then. */
    conflicts: {
        id: string;
        rowCount: number;
    }[];
    /** Rows that a later record of the part replaced, as their first record had them. */
    firstContents: {
        row: number;
        content: RowContent;
    }[];
}
export interface TableOptions {
    /** Remember what a conflict replaced, which `toPart` needs: for a table that becomes a part. */
    trackFirstContents?: boolean;
    /**
     * Top-level record fields to keep as label columns after the built-in ones (for breakdowns by
     * them): strings as they are, numbers and booleans as `String(value)`, anything else absent.
     * Built-in label fields and repeats are ignored. A table merges only parts with the same ones.
     */
    extraLabels?: readonly string[];
}
/**
 * The columnar `SessionTable`: one row per distinct session_id, typed-array columns that double
 * in size as rows come, so a row costs a few dozen bytes and no object of its own.
 */
export declare class ColumnarSessionTable implements SessionTable {
    private capacity;
    private readonly ids;
    /** `LABEL_FIELDS`, then the extra labels: the names of `labelColumns`. */
    private readonly labelNames;
    private readonly labelColumns;
    private builtIns;
    /** Custom metric columns by metric name (without `metrics.`), in order of first sight. */
    private readonly metrics;
    private identical;
    private conflicting;
    private readonly conflicts;
    private readonly firstContents;
    constructor(options?: TableOptions);
    get size(): number;
    get duplicates(): SessionTable['duplicates'];
    /**
     * Adds a record as a new row. A record whose session_id is already here is an identical
     * duplicate when every label and number matches (nothing changes), else a conflict: it replaces
     * the row, as the later report wins.
     */
    add(record: SessionRecord): AddOutcome;
    /** Distinct values of a label field, built-in or extra; none for a field not kept. */
    labels(field: LabelField | string): readonly string[];
    /** Each row's code into `labels(field)`; all -1 for a field not kept. */
    codes(field: LabelField | string): Int32Array;
    column(name: string): Float64Array;
    columnNames(): string[];
    /**
     * The table as a part to merge into another (see `TablePart`). Its arrays are the table's own:
     * once they are transferred, this table is unusable.
     */
    toPart(): TablePart;
    /**
     * Adds the records of a part that came after every record added so far, with the result of
     * adding them one by one: new ids become rows in the part's order, a re-reported id is an
     * identical duplicate or a conflict that replaces the row, labels and metric columns come in
     * order of first sight, and the conflicting ids keep the order the conflicts happened in.
     *
     * The part compared each re-report with what its own rows held then; only the first record
     * of each of its ids meets the rows here, so that record (`firstContents`, or the row when
     * nothing replaced it) is compared with the row here, and the part's final row replaces it
     * when either compare found a conflict.
     */
    merge(part: TablePart): void;
    private label;
    private write;
    private matches;
    /** `matches` for a part's row: its label codes mapped by `labelCodes`, its metrics by name. */
    private matchesContent;
    /** The row's content, to remember before a conflict replaces it. */
    private content;
    private noteConflict;
    /**
     * Notes the conflicts of a merge in the order they happened: one of `merged` (found by the
     * merge, at the first record of part row `rowCount`) came before one of the part's own
     * (`rowCount` rows then) when its row is below that count.
     */
    private noteConflicts;
    private clearMetrics;
    private metricColumn;
    /** Doubles the capacity until it holds `rows` rows. */
    private grow;
    private findColumn;
}
/** The buffers of a part's typed arrays, to transfer rather than copy it to another thread. */
export declare function partBuffers(part: TablePart): ArrayBuffer[];
