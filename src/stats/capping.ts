import { quantileInPlace } from './order-statistics.js';
import { unavailable } from './result.js';
import type { Maybe } from './result.js';

export interface CappedArms {
  /** The pooled percentile every value above was set to. */
  readonly cap: number;
  readonly control: Float64Array;
  readonly treatment: Float64Array;
  /** Values (both arms together) that were above the cap. */
  readonly cappedCount: number;
}

/**
 * Winsorises the upper tail of both arms at one cap: the `percentile` (a fraction in [0, 1], e.g.
 * 0.999) of BOTH arms pooled, never per arm (a per-arm cap would shrink a real difference). It is
 * R's `quantile(c(control, treatment), percentile, type = 7)`: with N pooled values sorted as
 * x₍₁₎ ≤ … ≤ x₍N₎, index = 1 + (N − 1)·p, lo = ⌊index⌋, h = index − lo,
 * cap = (1 − h)·x₍lo₎ + h·x₍lo+1₎ (just x₍lo₎ when h = 0 or the two are equal). Values above the
 * cap are set to it; the lower tail is left alone. The inputs are not modified.
 *
 * The two order statistics are found by selection (quickselect with median-of-three, falling back
 * to a sort of the remaining range if it degenerates): O(N) expected, no full sort of 10⁶ values.
 *
 * Degenerate rules: no values in either arm → Unavailable; a non-finite value → Unavailable.
 * A percentile outside [0, 1] throws a RangeError.
 */
export function capAtPercentile(
  controlValues: ArrayLike<number>,
  treatmentValues: ArrayLike<number>,
  percentile: number,
): Maybe<CappedArms> {
  if (!(percentile >= 0 && percentile <= 1)) {
    throw new RangeError(`percentile must be a fraction in [0, 1], got ${percentile}`);
  }
  const nC = controlValues.length;
  const total = nC + treatmentValues.length;
  if (total === 0) return unavailable('needs at least 1 value');
  const pooled = new Float64Array(total);
  for (let i = 0; i < nC; i++) pooled[i] = controlValues[i] as number;
  for (let i = nC; i < total; i++) pooled[i] = treatmentValues[i - nC] as number;
  for (let i = 0; i < total; i++) {
    if (!Number.isFinite(pooled[i])) return unavailable('values must be finite numbers');
  }

  const cap = quantileInPlace(pooled, percentile);

  let cappedCount = 0;
  const capArm = (values: ArrayLike<number>): Float64Array => {
    const capped = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const value = values[i] as number;
      if (value > cap) {
        capped[i] = cap;
        cappedCount++;
      } else {
        capped[i] = value;
      }
    }
    return capped;
  };
  const control = capArm(controlValues);
  const treatment = capArm(treatmentValues);
  return { cap, control, treatment, cappedCount };
}
