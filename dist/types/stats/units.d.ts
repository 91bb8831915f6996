/**
 * The data of a two-arm comparison, one entry per unit: a session, or (when sessions are
 * clustered by task) all the sessions of one task in one arm summed. Every metric is a ratio of
 * sums: a mean is Σm / Σd with d = 1, a rate Σ numerator / Σ denominator.
 */
export interface Units {
    /** Numerators (the value itself for means). */
    readonly m: Float64Array;
    /** Denominators (1 for means). */
    readonly d: Float64Array;
    /** Sessions in the unit (1 for a session). */
    readonly size: Float64Array;
    /** The stratum (task) of each unit for within-task comparisons, 0 otherwise. */
    readonly stratum: Int32Array;
    /** Number of strata: stratum values run from 0 to strata − 1. */
    readonly strata: number;
    /**
     * The numerators count events (see `eventFloor`): poisson for counts, binomial for 0/1 outcomes;
     * null for other values.
     */
    readonly events: 'poisson' | 'binomial' | null;
}
/** Which arm each unit is in: 1 treatment, 0 control. */
export type Assignment = Uint8Array;
/**
 * The two arms' values and the variance of their difference under one assignment. The difference
 * is treatment − control; its variance is varT + varC − 2·cov.
 */
export interface Contrast {
    readonly treatment: number;
    readonly control: number;
    readonly varT: number;
    readonly varC: number;
    readonly cov: number;
    /** Degrees of freedom of the t reference; Infinity for a normal one. */
    readonly df: number;
}
/** A design's estimator: the contrast under an assignment, or null where it is not defined. */
export type ContrastOf = (units: Units, assignment: Assignment) => Contrast | null;
export declare function differenceOf(contrast: Contrast): {
    estimate: number;
    se: number;
};
/**
 * |t| = |estimate| / se, the studentized statistic every design is tested with. A standard error of
 * 0 gives Infinity when the estimate is not 0 (every unit agrees on a difference) and 0 when it is.
 */
export declare function absoluteT(contrast: Contrast): number;
/**
 * The least per-session variance an arm's events allow: what its event count alone implies, with
 * half an event added so that an arm that saw none is not taken as certain (a Poisson rate of
 * (x + 0.5)/n per session; for 0/1 outcomes p̃(1 − p̃) with p̃ = (x + 0.5)/(n + 1)). An arm with
 * no events, or all of one outcome, is not a known constant: its sandwich variance of 0 would make
 * any difference from it look certain. 0 for values that are not events.
 */
export declare function eventFloor(events: Units['events'], eventCount: number, sessions: number): number;
