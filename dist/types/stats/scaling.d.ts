/**
 * 1, or the power of two that brings the largest magnitude near 1 when it is beyond 1e100 or below
 * 1e-100: squares of such values overflow or underflow, while means, t statistics and intervals are
 * unchanged by scaling, and a power of two scales exactly.
 */
export declare function powerOfTwoScale(values: ArrayLike<number>): number;
/** `powerOfTwoScale` of values whose largest magnitude (`Math.max` of 0 and each |value|) is known. */
export declare function scaleForLargest(largest: number): number;
