/**
 * 1, or the power of two that brings the largest magnitude near 1 when it is beyond 1e100 or below
 * 1e-100: squares of such values overflow or underflow, while means, t statistics and intervals are
 * unchanged by scaling, and a power of two scales exactly.
 */
export function powerOfTwoScale(values: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i]!));
  return scaleForLargest(largest);
}

/** `powerOfTwoScale` of values whose largest magnitude (`Math.max` of 0 and each |value|) is known. */
export function scaleForLargest(largest: number): number {
  if (largest === 0 || !Number.isFinite(largest) || (largest < 1e100 && largest > 1e-100)) return 1;
  return 2 ** Math.round(Math.log2(largest));
}
