/**
 * Exact null distribution of the Mann–Whitney statistic U for arms of m and n values without
 * ties, by the counting recursion behind R's cwilcox: the largest pooled value belongs to the first
 * arm (then it beats all n others) or to the second, so
 * count(m, n, u) = count(m − 1, n, u − n) + count(m, n − 1, u).
 * Counts are doubles (C(98, 49) ≈ 2.5e28), built by additions only, so they keep full relative
 * precision. Cost is about m²n²/4 additions: ~1.5 million for 49 × 49.
 */
function countsOfU(m: number, n: number): Float64Array {
  // previous[j] holds count(i − 1, j, ·); row i = 0 has a single arrangement with U = 0.
  let previous: Float64Array[] = Array.from({ length: n + 1 }, () => Float64Array.of(1));
  for (let i = 1; i <= m; i++) {
    const current: Float64Array[] = [Float64Array.of(1)];
    for (let j = 1; j <= n; j++) {
      const counts = new Float64Array(i * j + 1);
      const firstLargest = previous[j] as Float64Array; // supports u − j in 0..(i − 1)·j
      const secondLargest = current[j - 1] as Float64Array; // supports u in 0..i·(j − 1)
      for (let u = 0; u < secondLargest.length; u++) counts[u] = secondLargest[u] as number;
      for (let u = 0; u < firstLargest.length; u++) {
        counts[u + j] = (counts[u + j] as number) + (firstLargest[u] as number);
      }
      current.push(counts);
    }
    previous = current;
  }
  return previous[n] as Float64Array;
}

/**
 * Two-sided exact p-value of an observed integer U, as R's wilcox.test:
 * p = P(U' >= u) if u > mn/2 else P(U' <= u); result min(2p, 1). Each tail is summed directly.
 */
export function exactMannWhitneyPValue(u: number, m: number, n: number): number {
  const counts = countsOfU(m, n);
  let total = 0;
  for (let k = 0; k < counts.length; k++) total += counts[k] as number;
  let tail = 0;
  if (u > (m * n) / 2) {
    for (let k = u; k < counts.length; k++) tail += counts[k] as number;
  } else {
    for (let k = 0; k <= u; k++) tail += counts[k] as number;
  }
  return Math.min((2 * tail) / total, 1);
}
