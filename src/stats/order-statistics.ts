/**
 * The p-quantile of `a` by R's default definition (`quantile(x, p, type = 7)`), found by selection
 * in O(n) expected time. Rearranges `a`: pass a copy you own. `a` must be non-empty and finite.
 */
export function quantileInPlace(a: Float64Array, p: number): number {
  const index = 1 + (a.length - 1) * p; // 1-based, as R
  const lo = Math.floor(index);
  const h = index - lo;
  const low = select(a, lo - 1);
  if (h === 0) return low;
  // After selection every value right of position lo − 1 is ≥ low: the next order statistic is
  // their minimum.
  let high = Infinity;
  for (let i = lo; i < a.length; i++) high = Math.min(high, a[i] as number);
  return high === low ? low : (1 - h) * low + h * high;
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
