/**
 * The p-quantile of `a` by R's default definition (`quantile(x, p, type = 7)`), found by selection
 * in O(n) expected time. Rearranges `a`: pass a copy you own. `a` must be non-empty and finite.
 */
export declare function quantileInPlace(a: Float64Array, p: number): number;
