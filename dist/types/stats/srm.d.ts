import type { Maybe } from './result.js';
/**
 * Sample ratio mismatch: Pearson chi-square goodness of fit of the arm counts against the expected
 * split, as R's `chisq.test(counts, p = weights, rescale.p = TRUE)`; weights are normalised to
 * sum 1; df = arms − 1.
 *
 * Degenerate rules: fewer than 2 arms → Unavailable; no sessions at all → Unavailable. Counts that
 * are not non-negative integers, weights that are not positive finite numbers, or lengths that
 * differ throw a RangeError.
 */
export declare function sampleRatioMismatch(counts: number[], weights: number[]): Maybe<{
    statistic: number;
    df: number;
    pValue: number;
}>;
