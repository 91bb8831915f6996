import { allFinite, assertLevel } from './checks.js';
import { tCdf, tQuantile } from './distributions.js';
import { mean, sampleVariance } from './moments.js';
import { isUnavailable, unavailable } from './result.js';
import { powerOfTwoScale } from './scaling.js';
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
  // Values near the limits of double precision are scaled first (a power of two: exactly).
  const scale = Math.max(powerOfTwoScale(treatment), powerOfTwoScale(control));
  const t = scale === 1 ? treatment : Float64Array.from(treatment, (v) => v / scale);
  const c = scale === 1 ? control : Float64Array.from(control, (v) => v / scale);
  const meanT = mean(t);
  const meanC = mean(c);
  const result = welchFromMoments(
    {
      meanT,
      varT: sampleVariance(t, meanT),
      nT: t.length,
      meanC,
      varC: sampleVariance(c, meanC),
      nC: c.length,
    },
    level,
  );
  if (scale === 1 || isUnavailable(result)) return result;
  return {
    ...result,
    estimate: result.estimate * scale,
    se: result.se * scale,
    ci: [result.ci[0] * scale, result.ci[1] * scale],
  };
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
