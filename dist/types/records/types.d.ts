/** A validated session record, as in DESIGN.md: snake_case fields, `variant` always set. */
export interface SessionRecord {
    session_id: string;
    variant: string;
    task_id: string;
    experiment?: string;
    success?: boolean;
    tool_calls?: number;
    successful_tool_calls?: number;
    completion_time_seconds?: number;
    message_count?: number;
    user_corrections?: number;
    errors?: string[];
    category?: string;
    difficulty?: string;
    start_time?: string;
    end_time?: string;
    metrics?: Record<string, number | boolean>;
    notes?: string;
    /** Fields the schema does not name are kept as they were (the seed's extra fields, for example). */
    [extra: string]: unknown;
}
/** Where a record came from: the file and the place in it, as used in messages. */
export interface RecordSource {
    file: string;
    /** `14` (JSONL line), `[3]` (array index), `cold_results[2]` (seed test file), or '' (single object). */
    location: string;
}
/** A record read elsewhere (from an agent's log, by `src/sources`), with where it was found. */
export interface LocatedRecord {
    record: SessionRecord;
    file: string;
    location: string;
}
/** One problem with one record or file, ready to print. */
export interface RecordProblem {
    file: string;
    /** As in `RecordSource`, or `3:14` (line and column) for a JSON syntax error. */
    location: string;
    /** Dotted path of the field, e.g. `tool_calls` or `metrics.cost_usd`; '' for the whole record or file. */
    field: string;
    message: string;
    /** A path or glob the user gave that yields no file to read (nothing to skip, a mistake to fix). */
    noInput?: true;
}
/**
 * The sessions of one read, columnar so that a million sessions fit in little memory.
 * Row r holds one distinct session_id; a later record with the same id replaces the row.
 */
export interface SessionTable {
    readonly size: number;
    /**
     * Distinct values of a string field; `codes(field)[r]` indexes into it, -1 when absent. Beyond
     * the `LabelField`s, the fields the table was told to keep (other fields: none, all -1).
     */
    labels(field: LabelField | string): readonly string[];
    codes(field: LabelField | string): Int32Array;
    /**
     * A numeric column, NaN where the record has no value: built-in fields by their record name
     * (`success` is 1/0), custom metrics as `metrics.<name>` (booleans as 1/0).
     */
    column(name: string): Float64Array;
    /** Names of every numeric column that has at least one value. */
    columnNames(): string[];
    /** Duplicates seen: identical re-reports and conflicting ones (different content, later won). */
    readonly duplicates: {
        identical: number;
        conflicting: number;
        conflictingIds: string[];
    };
}
export type LabelField = 'variant' | 'task_id' | 'experiment' | 'category' | 'difficulty';
