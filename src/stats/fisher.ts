import { assertCount } from './checks.js';
import { unavailable } from './result.js';
import type { Maybe } from './result.js';

/** R's tolerance for "as likely as the observed table" (fisher.test's relErr). */
const RELATIVE_TOLERANCE = 1 + 1e-7;

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
export function fisherExact(
  successesT: number,
  nT: number,
  successesC: number,
  nC: number,
): Maybe<{ pValue: number }> {
  assertCount('successesT', successesT);
  assertCount('successesC', successesC);
  assertCount('nT', nT);
  assertCount('nC', nC);
  if (successesT > nT || successesC > nC) throw new RangeError('successes cannot exceed n');
  if (nT === 0 || nC === 0) return unavailable('needs at least 1 session per arm');

  // Hypergeometric: draw the nT treatment sessions from a population of `total` with `successes`.
  const total = nT + nC;
  const successes = successesT + successesC;
  const lo = Math.max(0, nT - (total - successes));
  const hi = Math.min(nT, successes);
  const mode = Math.min(hi, Math.max(lo, Math.floor(((nT + 1) * (successes + 1)) / (total + 2))));
  // P(x + 1) / P(x) for x successes among the treatment arm.
  const ratio = (x: number): number =>
    ((successes - x) * (nT - x)) / ((x + 1) * (total - successes - nT + x + 1));

  const relative = new Float64Array(hi - lo + 1);
  relative[mode - lo] = 1;
  for (let x = mode; x < hi; x++) relative[x + 1 - lo] = (relative[x - lo] as number) * ratio(x);
  for (let x = mode; x > lo; x--)
    relative[x - 1 - lo] = (relative[x - lo] as number) / ratio(x - 1);

  const threshold = (relative[successesT - lo] as number) * RELATIVE_TOLERANCE;
  let sum = 0;
  let asOrLessLikely = 0;
  for (const d of relative) {
    sum += d;
    if (d <= threshold) asOrLessLikely += d;
  }
  return { pValue: Math.min(1, asOrLessLikely / sum) };
}
