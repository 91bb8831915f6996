import { allFinite, assertLevel } from './checks.js';
import { tCdf, tQuantile } from './distributions.js';
import { mean, sampleVariance } from './moments.js';
import { unavailable } from './result.js';
import type { Interval, Maybe } from './result.js';

export interface PairedDifference {
  /** k: the tasks both arms ran. */
  readonly tasks: number;
  /** mean(d), dᵢ = tᵢ − cᵢ. */
  readonly estimate: number;
  /** sd(d)/√k. */
  readonly se: number;
  readonly statistic: number;
  /** k − 1. */
  readonly df: number;
  readonly pValue: number;
  readonly ci: Interval;
  /** Pearson correlation of the treatment and control task means; null when either is constant. */
  readonly correlation: number | null;
  /**
   * 1 − Var(d)/(Var(t) + Var(c)) = 2·Cov(t, c)/(Var(t) + Var(c)): the share of the variance of the
   * estimate that pairing removes compared with an unpaired comparison of the same k task means
   * (whose estimate has variance (Var(t) + Var(c))/k against Var(d)/k paired). It equals the
   * correlation when both arms vary equally, and is negative when pairing hurts (negative
   * correlation). The variance convention (n − 1) cancels.
   */
  readonly varianceSaved: number;
}

/**
 * Paired comparison of task means (Miller, "Adding Error Bars to Evals", eq. 7): for the k tasks
 * both arms ran, dᵢ = tᵢ − cᵢ, estimate = mean(d), se = sd(d)/√k (sample sd, divisor k − 1), a
 * two-sided t-test with k − 1 degrees of freedom and ci = estimate ± t(1 − α/2, k − 1)·se, as R's
 * `t.test(t, c, paired = TRUE)`. The arrays hold the task means in the same task order.
 *
 * Degenerate rules: fewer than 2 tasks → Unavailable; a non-finite value → Unavailable; Var(d) = 0,
 * or se below 10·ε·|mean(d)| (R's "data are essentially constant") → Unavailable. Arrays of
 * different lengths throw a RangeError.
 */
export function pairedDifference(
  treatmentTaskMeans: ArrayLike<number>,
  controlTaskMeans: ArrayLike<number>,
  level = 0.95,
): Maybe<PairedDifference> {
  assertLevel(level);
  const k = treatmentTaskMeans.length;
  if (controlTaskMeans.length !== k) {
    throw new RangeError('treatment and control task means must have the same length');
  }
  if (k < 2) return unavailable('needs at least 2 tasks run by both arms');
  if (!allFinite(treatmentTaskMeans) || !allFinite(controlTaskMeans)) {
    return unavailable('values must be finite numbers');
  }
  const differences = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    differences[i] = (treatmentTaskMeans[i] as number) - (controlTaskMeans[i] as number);
  }
  const estimate = mean(differences);
  const varD = sampleVariance(differences, estimate);
  const se = Math.sqrt(varD / k);
  if (se === 0 || se < 10 * Number.EPSILON * Math.abs(estimate)) {
    return unavailable('the paired differences have zero variance');
  }
  const df = k - 1;
  const statistic = estimate / se;
  const pValue = 2 * tCdf(-Math.abs(statistic), df);
  const halfWidth = tQuantile(1 - (1 - level) / 2, df) * se;

  const meanT = mean(treatmentTaskMeans);
  const meanC = mean(controlTaskMeans);
  let sumTT = 0;
  let sumCC = 0;
  let sumTC = 0;
  for (let i = 0; i < k; i++) {
    const t = (treatmentTaskMeans[i] as number) - meanT;
    const c = (controlTaskMeans[i] as number) - meanC;
    sumTT += t * t;
    sumCC += c * c;
    sumTC += t * c;
  }
  const correlation = sumTT > 0 && sumCC > 0 ? clamp(sumTC / Math.sqrt(sumTT * sumCC)) : null;
  // Var(d) > 0 implies Var(t) + Var(c) > 0, so the ratio is defined.
  const varianceSaved = 1 - varD / ((sumTT + sumCC) / (k - 1));
  return {
    tasks: k,
    estimate,
    se,
    statistic,
    df,
    pValue,
    ci: [estimate - halfWidth, estimate + halfWidth],
    correlation,
    varianceSaved,
  };
}

function clamp(r: number): number {
  return Math.max(-1, Math.min(1, r));
}
