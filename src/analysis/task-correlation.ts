import { sampleCorrelation, sampleVariance } from 'simple-statistics';
import type { Design } from './design.js';
import type { ArmSamples } from './samples.js';
import { taskMeans } from './task-means.js';

/**
 * Paired designs: how alike the arms' per-task values are. `correlation` is Pearson's over the
 * shared tasks; `varianceSaved` = 1 − Var(t − c)/(Var(t) + Var(c)), the share of the variance of
 * a comparison of task values that pairing them removes (negative when pairing hurts). Both null
 * with fewer than 3 shared tasks or a constant arm.
 */
export function taskCorrelation(
  design: Design,
  control: ArmSamples,
  treatment: ArmSamples,
): { correlation: number | null; varianceSaved: number | null } {
  const none = { correlation: null, varianceSaved: null };
  if (design.kind !== 'paired') return none;
  const c = taskMeans(control);
  const t = taskMeans(treatment);
  const treated: number[] = [];
  const controls: number[] = [];
  for (const task of design.shared) {
    const valueC = c.value(task);
    const valueT = t.value(task);
    if (valueC === undefined || valueT === undefined) continue;
    treated.push(valueT);
    controls.push(valueC);
  }
  if (treated.length < 3) return none;
  const varT = sampleVariance(treated);
  const varC = sampleVariance(controls);
  if (!(varT > 0) || !(varC > 0)) return none;
  const differences = treated.map((value, i) => value - controls[i]!);
  return {
    correlation: Math.max(-1, Math.min(1, sampleCorrelation(treated, controls))),
    varianceSaved: 1 - sampleVariance(differences) / (varT + varC),
  };
}
