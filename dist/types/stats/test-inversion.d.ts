/**
 * The interval of hypotheses a test does not reject at level alpha, {h : p(h) ≥ alpha}, for a
 * p-value function that is 1 at the estimate and falls away from it: each end is found by
 * bisection between the estimate and the edge of the parameter space (Chan & Zhang's procedure).
 * An end is null when no hypothesis on that side is rejected and the side is unbounded.
 *
 * The result agrees with the test of `nullValue` by construction: if p(nullValue) < alpha the
 * interval excludes it, otherwise it holds it, even where p is not monotone.
 */
export declare function invertTest(p: (h: number) => number, estimate: number, domain: readonly [number, number], alpha: number, nullValue: number): [number | null, number | null];
