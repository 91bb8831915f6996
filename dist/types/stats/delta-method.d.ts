import type { Interval, Maybe } from './result.js';
export interface RatioArm {
    readonly n: number;
    /** Σ numerators / Σ denominators. */
    readonly ratio: number;
    /** Delta-method variance of the ratio estimate. */
    readonly varianceOfRatio: number;
}
/**
 * A ratio metric for one arm (e.g. failed tool calls / tool calls, one pair per session), with
 * the delta-method variance
 * (σ²m/μd² + σ²d·μm²/μd⁴ − 2·cov(m, d)·μm/μd³) / n   (sample moments, divisor n − 1).
 * It is computed as the sample variance of the residuals m − ratio·d divided by μd²·n, which is
 * the same quantity, cannot come out negative and does not cancel.
 *
 * Degenerate rules: fewer than 2 sessions → Unavailable; Σd = 0 → Unavailable; a non-finite value
 * → Unavailable. Arrays of different lengths throw a RangeError.
 */
export declare function ratioArm(numerators: ArrayLike<number>, denominators: ArrayLike<number>): Maybe<RatioArm>;
export interface RatioDifference {
    /** ratioT − ratioC. */
    readonly estimate: number;
    readonly se: number;
    readonly statistic: number;
    readonly df: number;
    readonly pValue: number;
    readonly ci: Interval;
}
/**
 * Two-sided test of the difference of two ratio metrics, treatment minus control:
 * se = √(vT + vC); t = estimate / se with Welch–Satterthwaite degrees of freedom
 * df = (vT + vC)² / (vT²/(nT − 1) + vC²/(nC − 1)), treating each arm's delta-method variance like
 * the variance of a mean; ci = estimate ± t(1 − α/2, df)·se.
 *
 * Degenerate rules: se = 0 (no spread in either arm) → Unavailable.
 */
export declare function ratioDifference(treatmentArm: RatioArm, controlArm: RatioArm, level?: number): Maybe<RatioDifference>;
