import type { SessionTable } from '../records/types.js';
import type { MetricSource } from './metric-definitions.js';
/** The rows of one variant, optionally only those passing `keep`. */
export declare function rowsOfVariant(table: SessionTable, variant: string, keep?: (row: number) => boolean): Int32Array;
/**
 * One arm's values of a metric, with the task of each session (a code, -1 when unknown); for a
 * ratio, numerators and denominators side by side.
 */
export type ArmSamples = {
    type: 'column';
    values: Float64Array;
    tasks: Int32Array;
} | {
    type: 'ratio';
    numerators: Float64Array;
    denominators: Float64Array;
    tasks: Int32Array;
};
/** The arm's sessions that carry the metric: a session without its fields is not counted. */
export declare function armSamples(table: SessionTable, rows: Int32Array, source: MetricSource): ArmSamples;
