/**
 * Multiple-testing corrections, exactly as R's `p.adjust` (Holm; Benjamini–Hochberg "BH").
 * p-values must lie in [0, 1] (a RangeError otherwise); results keep the input order.
 */
/** Holm–Bonferroni: the i-th smallest p becomes max over j ≤ i of (m − j + 1)·p(j), capped at 1. */
export declare function holm(p: number[]): number[];
/** Benjamini–Hochberg: the i-th smallest p becomes min over j ≥ i of m/j·p(j), capped at 1. */
export declare function benjaminiHochberg(p: number[]): number[];
