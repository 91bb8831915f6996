/**
 * Two-sided exact p-value of an observed integer U, as R's wilcox.test:
 * p = P(U' >= u) if u > mn/2 else P(U' <= u); result min(2p, 1). Each tail is summed directly.
 */
export declare function exactMannWhitneyPValue(u: number, m: number, n: number): number;
