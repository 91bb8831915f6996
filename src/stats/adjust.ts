/**
 * Multiple-testing corrections, exactly as R's `p.adjust` (Holm; Benjamini–Hochberg "BH").
 * p-values must lie in [0, 1] (a RangeError otherwise); results keep the input order.
 */

/** Holm–Bonferroni: the i-th smallest p becomes max over j ≤ i of (m − j + 1)·p(j), capped at 1. */
export function holm(p: number[]): number[] {
  assertPValues(p);
  const m = p.length;
  const order = ascendingOrder(p);
  const adjusted = new Array<number>(m);
  let runningMax = 0;
  order.forEach((index, rank) => {
    runningMax = Math.max(runningMax, (m - rank) * (p[index] as number));
    adjusted[index] = Math.min(1, runningMax);
  });
  return adjusted;
}

/** Benjamini–Hochberg: the i-th smallest p becomes min over j ≥ i of m/j·p(j), capped at 1. */
export function benjaminiHochberg(p: number[]): number[] {
  assertPValues(p);
  const m = p.length;
  const order = ascendingOrder(p);
  const adjusted = new Array<number>(m);
  let runningMin = Infinity;
  for (let rank = m - 1; rank >= 0; rank--) {
    const index = order[rank] as number;
    runningMin = Math.min(runningMin, (m / (rank + 1)) * (p[index] as number));
    adjusted[index] = Math.min(1, runningMin);
  }
  return adjusted;
}

function ascendingOrder(p: number[]): number[] {
  return p.map((_, i) => i).sort((a, b) => (p[a] as number) - (p[b] as number));
}

function assertPValues(p: number[]): void {
  if (!p.every((x) => x >= 0 && x <= 1)) throw new RangeError('p-values must lie in [0, 1]');
}
