import type { Interval, Maybe } from './result.js';
export interface WelchResult {
    readonly statistic: number;
    readonly df: number;
    readonly pValue: number;
    /** mean(treatment) − mean(control). */
    readonly estimate: number;
    readonly ci: Interval;
    readonly se: number;
}
/** Sufficient statistics of two arms; variances are sample variances (divisor n − 1). */
export interface TwoArmMoments {
    readonly meanT: number;
    readonly varT: number;
    readonly nT: number;
    readonly meanC: number;
    readonly varC: number;
    readonly nC: number;
}
/**
 * Two-sided Welch t-test of treatment against control, as R's
 * `t.test(treatment, control, var.equal = FALSE)`.
 *
 * Degenerate rules: an arm with fewer than 2 values → Unavailable; a non-finite value →
 * Unavailable; see `welchFromMoments` for the zero-variance rule.
 */
export declare function welchTest(treatment: ArrayLike<number>, control: ArrayLike<number>, level?: number): Maybe<WelchResult>;
/**
 * Welch t-test from sufficient statistics.
 *
 * Degenerate rules: nT or nC below 2 → Unavailable; a standard error of zero, or below
 * 10·ε·max(|meanT|, |meanC|) (R's "data are essentially constant", i.e. zero variance in both
 * arms) → Unavailable.
 */
export declare function welchFromMoments(moments: TwoArmMoments, level?: number): Maybe<WelchResult>;
