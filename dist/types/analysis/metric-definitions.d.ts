import type { Direction, ExperimentConfig, MetricKind, Role, Scale } from '../config/experiment-config.js';
/** Where a metric's per-session values come from in the session table. */
export type MetricSource = {
    type: 'column';
    column: string;
}
/** A ratio Σnumerator / Σdenominator; `numeratorMinus` makes the numerator a difference of columns. */
 | {
    type: 'ratio';
    numerator: string;
    numeratorMinus?: string;
    denominator: string;
};
export interface MetricDefinition {
    name: string;
    kind: MetricKind;
    better: Direction;
    role: Role;
    source: MetricSource;
    /** log: compared as a ratio of geometric means (positive, skewed values such as durations). */
    scale: Scale;
    /** Relative margin of equivalence and non-inferiority; the configured equivalence margin if unset. */
    margin?: number;
    /** The margin in the metric's own units, for when the control's value is 0. */
    absoluteMargin?: number;
}
/** The metrics every session record can carry (DESIGN.md), with their defaults. */
export declare const BUILT_IN_METRICS: readonly MetricDefinition[];
/** What the definitions need to know of the data: the columns present and a look at their values. */
export interface ColumnCatalogue {
    names: string[];
    column(name: string): Float64Array;
}
/**
 * The metrics to analyse: the built-ins, every custom metric found in the records' `metrics`
 * objects, and ratio metrics defined in the configuration, each with the configured overrides.
 * The configured primary metric gets role `primary`; no other metric has it.
 */
export declare function resolveMetrics(config: ExperimentConfig, data: ColumnCatalogue): MetricDefinition[];
