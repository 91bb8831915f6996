import type { Interval, Maybe } from './result.js';
/**
 * Wilson score interval of a proportion without continuity correction, as R's
 * `prop.test(successes, n, correct = FALSE)$conf.int`: the bound at an observed 0 or 1 is exactly
 * 0 or 1, and the interval is clamped to [0, 1].
 *
 * Degenerate rules: n = 0 → Unavailable. 0 and n successes are fine (one bound is 0 or 1).
 * Counts that are not integers with 0 ≤ successes ≤ n throw a RangeError.
 */
export declare function wilsonInterval(successes: number, n: number, level?: number): Maybe<Interval>;
/**
 * Difference of two proportions, treatment minus control, with Newcombe's (1998) hybrid score
 * interval (method 10), built from each arm's Wilson interval:
 * [d − √((pT − lT)² + (uC − pC)²), d + √((uT − pT)² + (pC − lC)²)].
 *
 * Degenerate rules: an arm with n = 0 → Unavailable. All (or no) successes in both arms are
 * fine: the estimate is 0 and the interval still has width.
 */
export declare function newcombeDifference(successesT: number, nT: number, successesC: number, nC: number, level?: number): Maybe<{
    estimate: number;
    ci: Interval;
}>;
