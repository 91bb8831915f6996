import { assertCount, assertLevel } from './checks.js';
import { normalQuantile } from './distributions.js';
import { isUnavailable, unavailable } from './result.js';
import type { Interval, Maybe } from './result.js';

/**
 * Wilson score interval of a proportion without continuity correction, as R's
 * `prop.test(successes, n, correct = FALSE)$conf.int`: the bound at an observed 0 or 1 is exactly
 * 0 or 1, and the interval is clamped to [0, 1].
 *
 * Degenerate rules: n = 0 → Unavailable. 0 and n successes are fine (one bound is 0 or 1).
 * Counts that are not integers with 0 ≤ successes ≤ n throw a RangeError.
 */
export function wilsonInterval(successes: number, n: number, level = 0.95): Maybe<Interval> {
  assertCount('successes', successes);
  assertCount('n', n);
  assertLevel(level);
  if (successes > n) throw new RangeError('successes cannot exceed n');
  if (n === 0) return unavailable('needs at least 1 session');
  const z = normalQuantile((1 + level) / 2);
  const p = successes / n;
  const z22n = (z * z) / (2 * n);
  const halfWidth = z * Math.sqrt((p * (1 - p)) / n + z22n / (2 * n));
  const lower = p <= 0 ? 0 : (p + z22n - halfWidth) / (1 + 2 * z22n);
  const upper = p >= 1 ? 1 : (p + z22n + halfWidth) / (1 + 2 * z22n);
  return [Math.max(lower, 0), Math.min(upper, 1)];
}

/**
 * Difference of two proportions, treatment minus control, with Newcombe's (1998) hybrid score
 * interval (method 10), built from each arm's Wilson interval:
 * [d − √((pT − lT)² + (uC − pC)²), d + √((uT − pT)² + (pC − lC)²)].
 *
 * Degenerate rules: an arm with n = 0 → Unavailable. All (or no) successes in both arms are
 * fine: the estimate is 0 and the interval still has width.
 */
export function newcombeDifference(
  successesT: number,
  nT: number,
  successesC: number,
  nC: number,
  level = 0.95,
): Maybe<{ estimate: number; ci: Interval }> {
  const wilsonT = wilsonInterval(successesT, nT, level);
  const wilsonC = wilsonInterval(successesC, nC, level);
  if (isUnavailable(wilsonT) || isUnavailable(wilsonC)) {
    return unavailable('needs at least 1 session per arm');
  }
  const [lowerT, upperT] = wilsonT;
  const [lowerC, upperC] = wilsonC;
  const pT = successesT / nT;
  const pC = successesC / nC;
  const estimate = pT - pC;
  return {
    estimate,
    ci: [
      estimate - Math.hypot(pT - lowerT, upperC - pC),
      estimate + Math.hypot(upperT - pT, pC - lowerC),
    ],
  };
}
