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
export declare function capAtPercentile(controlValues: ArrayLike<number>, treatmentValues: ArrayLike<number>, percentile: number): Maybe<CappedArms>;
