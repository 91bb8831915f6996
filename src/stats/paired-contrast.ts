import { satterthwaite } from './independent-contrast.js';
import { eventFloor, type Assignment, type Contrast, type Units } from './units.js';

/**
 * Both arms ran the same tasks: each task (stratum) is compared with itself. In stratum j the
 * arms' values are Rⱼ = ΣM / ΣD of their sessions there; the arm value is Σ wⱼ·Rⱼ with weights
 * wⱼ ∝ nTⱼ·nCⱼ / (nTⱼ + nCⱼ) (the precision of a difference of two means; equal weights when the
 * tasks are balanced), so the difference is the weighted mean of the per-task differences.
 *
 * Variance, as the sessions allow:
 * - when both arms ran some task more than once, each arm's within-task variance per unit of
 *   denominator is pooled over its tasks, φₐ = Σ (m − Rⱼ·d)² / Σ Dₐⱼ·(nₐⱼ − 1)/nₐⱼ, and
 *   Var(arm value) = φₐ·Σ wⱼ²/Dₐⱼ; degrees of freedom by Satterthwaite from Σ (nₐⱼ − 1) per arm.
 *   For means (d = 1) φ is the pooled within-task variance and Dₐⱼ = nₐⱼ; for rates the residual
 *   variance of a session grows with its denominator (a session of 60 tool calls varies more than
 *   one of 5), and pooling per call keeps tasks with few calls from borrowing the variance of tasks
 *   with many. This is inference about these tasks (the task effects are held fixed), with the
 *   power of every session;
 * - otherwise (an arm ran every task once) the per-task differences are the only replication:
 *   Var = k/(k − 1)·Σ wⱼ²·(dⱼ − d̄)², k − 1 degrees of freedom, which is R's paired t-test when
 *   the weights are equal.
 *
 * For event counts each arm's variance (or, with between-task replication only, the difference's)
 * is kept at or above the event floors (`eventFloor`) spread over the tasks as the weights spread
 * them. Strata without both arms, or with a zero denominator in an arm, take no part. Undefined (null)
 * with no stratum left, or with one stratum and no within-task replication.
 */
export function pairedContrast(units: Units, assignment: Assignment): Contrast | null {
  const k = units.strata;
  // Called once per re-randomisation: the per-task sums live in reused buffers.
  const { n, sumM, sumD, value, weight } = scratch(k);
  const { m, d, stratum } = units;
  for (let i = 0; i < m.length; i++) {
    const cell = 2 * stratum[i]! + assignment[i]!;
    n[cell] = n[cell]! + 1;
    sumM[cell] = sumM[cell]! + m[i]!;
    sumD[cell] = sumD[cell]! + d[i]!;
  }
  let totalWeight = 0;
  let used = 0;
  for (let j = 0; j < k; j++) {
    const c = 2 * j;
    const t = c + 1;
    weight[j] = 0;
    if (sumD[c] === 0 || sumD[t] === 0) continue;
    value[c] = sumM[c]! / sumD[c]!;
    value[t] = sumM[t]! / sumD[t]!;
    weight[j] = (n[c]! * n[t]!) / (n[c]! + n[t]!);
    totalWeight += weight[j]!;
    used++;
  }
  if (used === 0) return null;
  let treatment = 0;
  let control = 0;
  for (let j = 0; j < k; j++) {
    weight[j] = weight[j]! / totalWeight;
    treatment += weight[j]! * value[2 * j + 1]!;
    control += weight[j]! * value[2 * j]!;
  }

  let dfT = 0;
  let dfC = 0;
  // Σ wⱼ²/Dₐⱼ turns a variance per unit of denominator into the variance of an arm's value; the
  // within-task degrees of freedom are counted in denominator units, Σ Dₐⱼ·(nₐⱼ − 1)/nₐⱼ.
  let spreadC = 0;
  let spreadT = 0;
  let unitsC = 0;
  let unitsT = 0;
  let eventsC = 0;
  let eventsT = 0;
  let denominatorC = 0;
  let denominatorT = 0;
  let sessionsC = 0;
  let sessionsT = 0;
  for (let j = 0; j < k; j++) {
    if (weight[j] === 0) continue;
    const w2 = weight[j]! * weight[j]!;
    const c = 2 * j;
    const t = c + 1;
    dfC += n[c]! - 1;
    dfT += n[t]! - 1;
    spreadC += w2 / sumD[c]!;
    spreadT += w2 / sumD[t]!;
    unitsC += (sumD[c]! * (n[c]! - 1)) / n[c]!;
    unitsT += (sumD[t]! * (n[t]! - 1)) / n[t]!;
    eventsC += sumM[c]!;
    eventsT += sumM[t]!;
    denominatorC += sumD[c]!;
    denominatorT += sumD[t]!;
    sessionsC += n[c]!;
    sessionsT += n[t]!;
  }
  // The event floor per session, spread over each session's denominator.
  const floorC =
    ((eventFloor(units.events, eventsC, sessionsC) * sessionsC) / denominatorC) * spreadC;
  const floorT =
    ((eventFloor(units.events, eventsT, sessionsT) * sessionsT) / denominatorT) * spreadT;
  if (dfT > 0 && dfC > 0) {
    const squares = new Float64Array(2);
    for (let i = 0; i < m.length; i++) {
      const j = stratum[i]!;
      if (weight[j] === 0) continue;
      const a = assignment[i]!;
      const e = m[i]! - value[2 * j + a]! * d[i]!;
      squares[a] = squares[a]! + e * e;
    }
    const varC = Math.max((squares[0]! / unitsC) * spreadC, floorC);
    const varT = Math.max((squares[1]! / unitsT) * spreadT, floorT);
    return { treatment, control, varT, varC, cov: 0, df: satterthwaite(varT, dfT, varC, dfC) };
  }
  if (used < 2) return null;
  // Between-task replication only: the spread of the per-task values around the arm values.
  let varT = 0;
  let varC = 0;
  let cov = 0;
  for (let j = 0; j < k; j++) {
    const w2 = weight[j]! * weight[j]!;
    if (w2 === 0) continue;
    const eT = value[2 * j + 1]! - treatment;
    const eC = value[2 * j]! - control;
    varT += w2 * eT * eT;
    varC += w2 * eC * eC;
    cov += w2 * eT * eC;
  }
  const scale = used / (used - 1);
  // The arms' sessions differ, so their event noise adds up in the difference whatever the
  // correlation of the task values: raise both variances equally until the difference's reaches it.
  const shortfall = Math.max(0, floorT + floorC - (varT + varC - 2 * cov) * scale) / 2;
  return {
    treatment,
    control,
    varT: varT * scale + shortfall,
    varC: varC * scale + shortfall,
    cov: cov * scale,
    df: used - 1,
  };
}

let buffers = {
  n: new Float64Array(0),
  sumM: new Float64Array(0),
  sumD: new Float64Array(0),
  value: new Float64Array(0),
  weight: new Float64Array(0),
};

/** Zeroed per-task buffers for k tasks (their sums), and value and weight buffers. */
function scratch(k: number): typeof buffers {
  if (buffers.weight.length < k) {
    buffers = {
      n: new Float64Array(2 * k),
      sumM: new Float64Array(2 * k),
      sumD: new Float64Array(2 * k),
      value: new Float64Array(2 * k),
      weight: new Float64Array(k),
    };
  }
  buffers.n.fill(0, 0, 2 * k);
  buffers.sumM.fill(0, 0, 2 * k);
  buffers.sumD.fill(0, 0, 2 * k);
  return buffers;
}
