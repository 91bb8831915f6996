import { assertCount } from './checks.js';
import { chiSquareSurvival } from './distributions.js';
import { unavailable } from './result.js';
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
export function sampleRatioMismatch(
  counts: number[],
  weights: number[],
): Maybe<{ statistic: number; df: number; pValue: number }> {
  if (counts.length !== weights.length) {
    throw new RangeError('counts and weights must have the same length');
  }
  counts.forEach((count, i) => assertCount(`counts[${i}]`, count));
  if (!weights.every((w) => Number.isFinite(w) && w > 0)) {
    throw new RangeError('weights must be positive finite numbers');
  }
  if (counts.length < 2) return unavailable('needs at least 2 arms');
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return unavailable('needs at least 1 session');
  const weightSum = weights.reduce((a, b) => a + b, 0);
  let statistic = 0;
  counts.forEach((count, i) => {
    const expected = (total * (weights[i] as number)) / weightSum;
    statistic += (count - expected) ** 2 / expected;
  });
  const df = counts.length - 1;
  return { statistic, df, pValue: chiSquareSurvival(statistic, df) };
}
