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

  const index = 1 + (total - 1) * percentile; // 1-based, as R
  const lo = Math.floor(index);
  const h = index - lo;
  const low = select(pooled, lo - 1);
  let cap = low;
  if (h > 0) {
    // After selection every value right of position lo − 1 is ≥ low: the next order statistic is
    // their minimum.
    let high = Infinity;
    for (let i = lo; i < total; i++) high = Math.min(high, pooled[i] as number);
    if (high !== low) cap = (1 - h) * low + h * high;
  }

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

/**
 * Rearranges `a` in place so that a[k] is its k-th smallest value (0-based), everything before it
 * is ≤ and everything after it is ≥, and returns a[k].
 */
function select(a: Float64Array, k: number): number {
  let left = 0;
  let right = a.length - 1;
  let budget = 2 * Math.ceil(Math.log2(a.length + 1)) + 16;
  while (right > left) {
    if (budget-- === 0) {
      a.subarray(left, right + 1).sort();
      break;
    }
    const pivot = medianOfThree(
      a[left] as number,
      a[(left + right) >>> 1] as number,
      a[right] as number,
    );
    let i = left;
    let j = right;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const swap = a[i] as number;
        a[i] = a[j] as number;
        a[j] = swap;
        i++;
        j--;
      }
    }
    // Now a[left..j] ≤ pivot, a[i..right] ≥ pivot and everything strictly between equals it.
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k] as number;
}

function medianOfThree(x: number, y: number, z: number): number {
  if (x < y) return y < z ? y : x < z ? z : x;
  return x < z ? x : y < z ? z : y;
}
