import { type Assignment, type ContrastOf, type Units } from './units.js';
/**
 * The permutation distribution of the studentized statistic |t|: the statistic recomputed with
 * the arm labels re-randomised the way the experiment could have been (across all units, or within
 * each task when the arms are compared task by task). When the arms do not differ, every
 * re-randomisation was as likely as the one observed, so the test is exact whatever the
 * distribution of the values: skewed, heavy-tailed, sparse, unbalanced arms, ties.
 *
 * All assignments are enumerated when there are at most `exactLimit` of them (the p-value is then
 * the exact proportion, the observed assignment included); otherwise `draws` are sampled with a
 * seeded generator and p = (1 + #{|t*| ≥ |t|}) / (draws + 1), which is also a valid p-value.
 * An assignment under which the statistic is undefined counts as at least as extreme (conservative).
 */
export interface PermutationReference {
    /** The p-value of an observed |t|. */
    pValue(absoluteStatistic: number): number;
    /**
     * The critical |t| at two-sided level alpha: |t| > critical exactly when pValue(|t|) < alpha, so
     * the interval estimate ± critical·se holds the values the test does not reject. Infinity when
     * no assignment can reach alpha.
     */
    critical(alpha: number): number;
    /** The (1 − alpha) quantile of the re-randomised |t|, without the reachability rule of `critical`. */
    quantile(alpha: number): number;
    /** The smallest p-value these units can give (exact when enumerated, else estimated). */
    readonly smallestP: number;
    readonly exact: boolean;
    /** Assignments evaluated: all of them when exact, else the draws. */
    readonly size: number;
}
export interface PermutationOptions {
    /** Re-randomise within each stratum (task) rather than across all units. */
    withinStrata: boolean;
    draws: number;
    exactLimit: number;
    seed: number;
}
export declare function permutationReference(units: Units, observed: Assignment, contrastOf: ContrastOf, options: PermutationOptions): PermutationReference;
