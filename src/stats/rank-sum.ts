export interface RankSum {
  /** Sum of the treatment values' mid-ranks in the pooled sample (ranks start at 1). */
  readonly rankSumT: number;
  /** Σ(t³ − t) over groups of t tied values; 0 when there are no ties. */
  readonly tieTerm: number;
  /** Number of distinct values in the pooled sample. */
  readonly distinctValues: number;
}

/**
 * Mid-ranks of the pooled sample without building it: each arm is sorted once (native typed-array
 * sort) and the two are walked together, one group of equal values at a time.
 */
export function rankSum(treatment: ArrayLike<number>, control: ArrayLike<number>): RankSum {
  const t = Float64Array.from(treatment).sort();
  const c = Float64Array.from(control).sort();
  let i = 0;
  let j = 0;
  let placed = 0;
  let rankSumT = 0;
  let tieTerm = 0;
  let distinctValues = 0;
  while (i < t.length || j < c.length) {
    const value = Math.min(
      i < t.length ? (t[i] as number) : Infinity,
      j < c.length ? (c[j] as number) : Infinity,
    );
    let tiedT = 0;
    let tiedC = 0;
    while (i < t.length && t[i] === value) {
      i++;
      tiedT++;
    }
    while (j < c.length && c[j] === value) {
      j++;
      tiedC++;
    }
    const tied = tiedT + tiedC;
    rankSumT += tiedT * (placed + (tied + 1) / 2);
    tieTerm += tied * tied * tied - tied;
    placed += tied;
    distinctValues++;
  }
  return { rankSumT, tieTerm, distinctValues };
}
