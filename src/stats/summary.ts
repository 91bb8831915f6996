import { assertLevel, allFinite } from './checks.js';
import { tQuantile } from './distributions.js';
import { mean, sampleVariance } from './moments.js';
import { quantileInPlace } from './order-statistics.js';
import { unavailable } from './result.js';
import type { Interval, Maybe } from './result.js';

export interface Summary {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1); null when n < 2. */
  readonly sd: number | null;
  readonly median: number;
  /** t-interval of the mean at `level`; null when n < 2. A zero sd gives the point [mean, mean]. */
  readonly ci: Interval | null;
}

/**
 * Describes one arm's values.
 *
 * Degenerate rules: no values → Unavailable; a non-finite value → Unavailable; one value → sd and
 * ci are null (a spread needs two values).
 */
export function summarize(values: ArrayLike<number>, level = 0.95): Maybe<Summary> {
  assertLevel(level);
  const n = values.length;
  if (n === 0) return unavailable('needs at least 1 value');
  if (!allFinite(values)) return unavailable('values must be finite numbers');
  const m = mean(values);
  const median = quantileInPlace(Float64Array.from(values), 0.5);
  if (n < 2) return { n, mean: m, sd: null, median, ci: null };
  const sd = Math.sqrt(sampleVariance(values, m));
  const halfWidth = tQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { n, mean: m, sd, median, ci: [m - halfWidth, m + halfWidth] };
}
