import type { Maybe } from './result.js';
/**
 * Two-sided Fisher exact test on the 2×2 table of successes and failures per arm, with R's
 * convention: the p-value sums the probabilities of all tables (same margins) no more likely than
 * the observed one, times 1 + 1e-7.
 *
 * Probabilities are taken relative to the most likely table, as R's exp(logpmf − max(logpmf)),
 * but built outward from the mode by the ratio of consecutive hypergeometric terms. That costs
 * O(support) multiplications (support ≤ min(nT, total successes) + 1) and, unlike differences of
 * log-factorials of 10⁶-sized numbers, keeps about 1e-12 relative precision at n = 10⁶ per arm.
 * Tables too unlikely to be represented (below ~1e-308 of the mode) count as 0, as in R.
 *
 * Degenerate rules: an arm with n = 0 → Unavailable. Counts that are not integers with
 * 0 ≤ successes ≤ n throw a RangeError. A table whose margins allow only itself (e.g. all
 * successes in both arms) has p = 1.
 */
export declare function fisherExact(successesT: number, nT: number, successesC: number, nC: number): Maybe<{
    pValue: number;
}>;
