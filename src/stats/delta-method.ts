import { allFinite, assertLevel } from './checks.js';
import { tCdf, tQuantile } from './distributions.js';
import { unavailable } from './result.js';
import type { Interval, Maybe } from './result.js';

export interface RatioArm {
  readonly n: number;
  /** Σ numerators / Σ denominators. */
  readonly ratio: number;
  /** Delta-method variance of the ratio estimate. */
  readonly varianceOfRatio: number;
}

/**
 * A ratio metric for one arm (e.g. failed tool calls / tool calls, one pair per session), with
 * the delta-method variance
 * (σ²m/μd² + σ²d·μm²/μd⁴ − 2·cov(m, d)·μm/μd³) / n   (sample moments, divisor n − 1).
 * It is computed as the sample variance of the residuals m − ratio·d divided by μd²·n, which is
 * the same quantity, cannot come out negative and does not cancel.
 *
 * Degenerate rules: fewer than 2 sessions → Unavailable; Σd = 0 → Unavailable; a non-finite value
 * → Unavailable. Arrays of different lengths throw a RangeError.
 */
export function ratioArm(
  numerators: ArrayLike<number>,
  denominators: ArrayLike<number>,
): Maybe<RatioArm> {
  const n = numerators.length;
  if (denominators.length !== n) {
    throw new RangeError('numerators and denominators must have the same length');
  }
  if (n < 2) return unavailable('needs at least 2 sessions');
  if (!allFinite(numerators) || !allFinite(denominators)) {
    return unavailable('values must be finite numbers');
  }
  const sumDenominators = sum(denominators);
  if (sumDenominators === 0) return unavailable('the denominators sum to 0');
  const ratio = sum(numerators) / sumDenominators;
  const meanDenominator = sumDenominators / n;
  let sumOfSquares = 0;
  for (let i = 0; i < n; i++) {
    const residual = (numerators[i] as number) - ratio * (denominators[i] as number);
    sumOfSquares += residual * residual;
  }
  const varianceOfRatio = sumOfSquares / (n - 1) / (meanDenominator * meanDenominator) / n;
  return { n, ratio, varianceOfRatio };
}

export interface RatioDifference {
  /** ratioT − ratioC. */
  readonly estimate: number;
  readonly se: number;
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
  readonly ci: Interval;
}

/**
 * Two-sided test of the difference of two ratio metrics, treatment minus control:
 * se = √(vT + vC); t = estimate / se with Welch–Satterthwaite degrees of freedom
 * df = (vT + vC)² / (vT²/(nT − 1) + vC²/(nC − 1)), treating each arm's delta-method variance like
 * the variance of a mean; ci = estimate ± t(1 − α/2, df)·se.
 *
 * Degenerate rules: se = 0 (no spread in either arm) → Unavailable.
 */
export function ratioDifference(
  treatmentArm: RatioArm,
  controlArm: RatioArm,
  level = 0.95,
): Maybe<RatioDifference> {
  assertLevel(level);
  const vT = treatmentArm.varianceOfRatio;
  const vC = controlArm.varianceOfRatio;
  const se = Math.sqrt(vT + vC);
  if (!(se > 0)) return unavailable('both arms have zero variance');
  const df = (vT + vC) ** 2 / (vT ** 2 / (treatmentArm.n - 1) + vC ** 2 / (controlArm.n - 1));
  const estimate = treatmentArm.ratio - controlArm.ratio;
  const statistic = estimate / se;
  const pValue = 2 * tCdf(-Math.abs(statistic), df);
  const halfWidth = tQuantile(1 - (1 - level) / 2, df) * se;
  return { estimate, se, statistic, df, pValue, ci: [estimate - halfWidth, estimate + halfWidth] };
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] as number;
  return total;
}
