export interface RankSum {
  /** Sum of the treatment values' mid-ranks in the pooled sample (ranks start at 1). */
  readonly rankSumT: number;
  /** Σ(t³ − t) over groups of t tied values; 0 when there are no ties. */
  readonly tieTerm: number;
  /** Number of distinct values in the pooled sample. */
  readonly distinctValues: number;
}

/**
 * Mid-ranks of the pooled sample without building it, one group of equal values at a time in
 * ascending order: counted per value when the values are whole numbers in a range not much wider
 * than the sample (counts, 0/1 outcomes), else each arm sorted once (native typed-array sort) and
 * the two walked together. Both walks add the same terms in the same order.
 */
export function rankSum(treatment: ArrayLike<number>, control: ArrayLike<number>): RankSum {
  return countedRankSum(treatment, control) ?? sortedRankSum(treatment, control);
}

/** A tally slot per whole value costs less than sorting while the range is within this many per value. */
const RANGE_PER_VALUE = 4;

function countedRankSum(treatment: ArrayLike<number>, control: ArrayLike<number>): RankSum | null {
  let lowest = Infinity;
  let highest = -Infinity;
  for (const values of [treatment, control]) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!Number.isInteger(v)) return null;
      if (v < lowest) lowest = v;
      if (v > highest) highest = v;
    }
  }
  const width = highest - lowest + 1;
  if (!(width >= 1 && width <= RANGE_PER_VALUE * (treatment.length + control.length))) return null;
  const tally = (values: ArrayLike<number>) => {
    const counts = new Int32Array(width);
    for (let i = 0; i < values.length; i++) counts[values[i]! - lowest]!++;
    return counts;
  };
  const countsT = tally(treatment);
  const countsC = tally(control);
  let placed = 0;
  let rankSumT = 0;
  let tieTerm = 0;
  let distinctValues = 0;
  for (let k = 0; k < width; k++) {
    const tiedT = countsT[k]!;
    const tied = tiedT + countsC[k]!;
    if (tied === 0) continue;
    rankSumT += tiedT * (placed + (tied + 1) / 2);
    tieTerm += tied * tied * tied - tied;
    placed += tied;
    distinctValues++;
  }
  return { rankSumT, tieTerm, distinctValues };
}

function sortedRankSum(treatment: ArrayLike<number>, control: ArrayLike<number>): RankSum {
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
