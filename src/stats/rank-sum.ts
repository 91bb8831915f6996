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
 * than the sample (counts, 0/1 outcomes), or when they take few distinct values (rates of a few
 * tool calls, rounded costs); else each arm sorted once (native typed-array sort) and the two
 * walked together. Every walk adds the same terms in the same order.
 */
export function rankSum(treatment: ArrayLike<number>, control: ArrayLike<number>): RankSum {
  return (
    countedRankSum(treatment, control) ??
    distinctRankSum(treatment, control) ??
    sortedRankSum(treatment, control)
  );
}

/** Counting distinct values in a map beats sorting while there are at most one per this many values. */
const VALUES_PER_DISTINCT = 16;

function distinctRankSum(treatment: ArrayLike<number>, control: ArrayLike<number>): RankSum | null {
  const most = (treatment.length + control.length) / VALUES_PER_DISTINCT;
  const slot = new Map<number, number>();
  const values: number[] = [];
  const countsT: number[] = [];
  const countsC: number[] = [];
  for (const [arm, counts] of [
    [treatment, countsT],
    [control, countsC],
  ] as const) {
    for (let i = 0; i < arm.length; i++) {
      const v = arm[i]!;
      let k = slot.get(v);
      if (k === undefined) {
        // NaN is left to the sorted walk, which never groups it.
        if (Number.isNaN(v) || values.length >= most) return null;
        k = values.length;
        slot.set(v, k);
        values.push(v);
        countsT.push(0);
        countsC.push(0);
      }
      counts[k]!++;
    }
  }
  const order = Float64Array.from(values).sort();
  const walk = new Walk();
  for (const v of order) {
    const k = slot.get(v)!;
    walk.group(countsT[k]!, countsC[k]!);
  }
  return walk.result();
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
  const walk = new Walk();
  for (let k = 0; k < width; k++) {
    if (countsT[k]! + countsC[k]! > 0) walk.group(countsT[k]!, countsC[k]!);
  }
  return walk.result();
}

/** The pooled sample's groups of equal values, in ascending order, summed up. */
class Walk {
  private placed = 0;
  private rankSumT = 0;
  private tieTerm = 0;
  private distinctValues = 0;

  /** The next group: `tiedT` treatment and `tiedC` control values equal to each other. */
  group(tiedT: number, tiedC: number): void {
    const tied = tiedT + tiedC;
    this.rankSumT += tiedT * (this.placed + (tied + 1) / 2);
    this.tieTerm += tied * tied * tied - tied;
    this.placed += tied;
    this.distinctValues++;
  }

  result(): RankSum {
    return {
      rankSumT: this.rankSumT,
      tieTerm: this.tieTerm,
      distinctValues: this.distinctValues,
    };
  }
}

function sortedRankSum(treatment: ArrayLike<number>, control: ArrayLike<number>): RankSum {
  const t = Float64Array.from(treatment).sort();
  const c = Float64Array.from(control).sort();
  const walk = new Walk();
  let i = 0;
  let j = 0;
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
    walk.group(tiedT, tiedC);
  }
  return walk.result();
}
