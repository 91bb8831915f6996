import { allFinite, assertLevel } from './checks.js';
import { tCdf, tQuantile } from './distributions.js';
import { mean, sampleVariance } from './moments.js';
import { unavailable } from './result.js';
import type { Interval, Maybe } from './result.js';

export interface WelchResult {
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
  /** mean(treatment) − mean(control). */
  readonly estimate: number;
  readonly ci: Interval;
  readonly se: number;
}

/** Sufficient statistics of two arms; variances are sample variances (divisor n − 1). */
export interface TwoArmMoments {
  readonly meanT: number;
  readonly varT: number;
  readonly nT: number;
  readonly meanC: number;
  readonly varC: number;
  readonly nC: number;
}

/**
 * Two-sided Welch t-test of treatment against control, as R's
 * `t.test(treatment, control, var.equal = FALSE)`.
 *
 * Degenerate rules: an arm with fewer than 2 values → Unavailable; a non-finite value →
 * Unavailable; see `welchFromMoments` for the zero-variance rule.
 */
export function welchTest(
  treatment: ArrayLike<number>,
  control: ArrayLike<number>,
  level = 0.95,
): Maybe<WelchResult> {
  if (treatment.length < 2 || control.length < 2) {
    return unavailable('needs at least 2 values per arm');
  }
  if (!allFinite(treatment) || !allFinite(control)) {
    return unavailable('values must be finite numbers');
  }
  const meanT = mean(treatment);
  const meanC = mean(control);
  return welchFromMoments(
    {
      meanT,
      varT: sampleVariance(treatment, meanT),
      nT: treatment.length,
      meanC,
      varC: sampleVariance(control, meanC),
      nC: control.length,
    },
    level,
  );
}

/**
 * Welch t-test from sufficient statistics.
 *
 * Degenerate rules: nT or nC below 2 → Unavailable; a standard error of zero, or below
 * 10·ε·max(|meanT|, |meanC|) (R's "data are essentially constant", i.e. zero variance in both
 * arms) → Unavailable.
 */
export function welchFromMoments(moments: TwoArmMoments, level = 0.95): Maybe<WelchResult> {
  assertLevel(level);
  const { meanT, varT, nT, meanC, varC, nC } = moments;
  if (nT < 2 || nC < 2) return unavailable('needs at least 2 values per arm');
  const varMeanT = varT / nT;
  const varMeanC = varC / nC;
  const se = Math.sqrt(varMeanT + varMeanC);
  if (se === 0 || se < 10 * Number.EPSILON * Math.max(Math.abs(meanT), Math.abs(meanC))) {
    return unavailable('both arms have zero variance');
  }
  const df = (varMeanT + varMeanC) ** 2 / (varMeanT ** 2 / (nT - 1) + varMeanC ** 2 / (nC - 1));
  const estimate = meanT - meanC;
  const statistic = estimate / se;
  const pValue = 2 * tCdf(-Math.abs(statistic), df);
  const halfWidth = tQuantile(1 - (1 - level) / 2, df) * se;
  return { statistic, df, pValue, estimate, ci: [estimate - halfWidth, estimate + halfWidth], se };
}
