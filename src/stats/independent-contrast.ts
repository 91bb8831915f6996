import { eventFloor, type Assignment, type Contrast, type Units } from './units.js';

/**
 * Independent sessions: each arm's value is Σm / Σd, its variance the delta-method (sandwich)
 * variance Σ(m − r·d)² / (Σd)² · n/(n − 1). For means (d = 1) that is s²/n, so the contrast is
 * Welch's: the same difference, standard error and Welch–Satterthwaite degrees of freedom as R's
 * `t.test(treatment, control)`. For event counts the per-session variance SS/(n − 1) is kept at or
 * above `eventFloor`. Undefined (null) when an arm has fewer than 2 units or Σd = 0.
 */
export function independentContrast(units: Units, assignment: Assignment): Contrast | null {
  const { m, d } = units;
  const n = units.m.length;
  let mT = 0;
  let dT = 0;
  let nT = 0;
  let mC = 0;
  let dC = 0;
  for (let i = 0; i < n; i++) {
    if (assignment[i] === 1) {
      mT += m[i]!;
      dT += d[i]!;
      nT++;
    } else {
      mC += m[i]!;
      dC += d[i]!;
    }
  }
  const nC = n - nT;
  if (nT < 2 || nC < 2 || dT === 0 || dC === 0) return null;
  const rT = mT / dT;
  const rC = mC / dC;
  let ssT = 0;
  let ssC = 0;
  for (let i = 0; i < n; i++) {
    if (assignment[i] === 1) {
      const e = m[i]! - rT * d[i]!;
      ssT += e * e;
    } else {
      const e = m[i]! - rC * d[i]!;
      ssC += e * e;
    }
  }
  const perSessionT = Math.max(ssT / (nT - 1), eventFloor(units.events, mT, nT));
  const perSessionC = Math.max(ssC / (nC - 1), eventFloor(units.events, mC, nC));
  const varT = (perSessionT * nT) / (dT * dT);
  const varC = (perSessionC * nC) / (dC * dC);
  return {
    treatment: rT,
    control: rC,
    varT,
    varC,
    cov: 0,
    df: satterthwaite(varT, nT - 1, varC, nC - 1),
  };
}

/**
 * Welch–Satterthwaite degrees of freedom of a sum of two variance estimates with `dfT` and `dfC`
 * degrees of freedom. When both estimates are 0 there is nothing to weigh: dfT + dfC.
 */
export function satterthwaite(varT: number, dfT: number, varC: number, dfC: number): number {
  const total = varT + varC;
  if (!(total > 0)) return dfT + dfC;
  return (total * total) / ((varT * varT) / dfT + (varC * varC) / dfC);
}
