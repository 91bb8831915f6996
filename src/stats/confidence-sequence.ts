import { assertCount } from './checks.js';
import { unavailable } from './result.js';
import type { Interval, Maybe } from './result.js';

/**
 * The mixture tuning ρ of GrowthBook's and Eppo's sequential boundary:
 * ρ = √[(−2 ln α + ln(−2 ln α + 1)) / N*], where N* (`expectedSessions`, both arms together) is
 * the sample size at which decisions tend to be made. It makes the boundary narrowest near N*.
 *
 * Throws a RangeError when alpha is outside (0, 1) or expectedSessions is not a positive finite
 * number.
 */
export function mixtureTuning(alpha: number, expectedSessions: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(expectedSessions > 0 && Number.isFinite(expectedSessions))) {
    throw new RangeError(`expectedSessions must be a positive number, got ${expectedSessions}`);
  }
  const twoLogAlpha = -2 * Math.log(alpha);
  return Math.sqrt((twoLogAlpha + Math.log(twoLogAlpha + 1)) / expectedSessions);
}

export interface SequentialInputs {
  /** The effect estimate Δ (e.g. mean(treatment) − mean(control)). */
  readonly estimate: number;
  /** Its standard error. */
  readonly se: number;
  /** Sessions so far, both arms together (nC + nT). */
  readonly n: number;
  /** Two-sided significance level the boundary is tuned for. */
  readonly alpha: number;
  /** N*: the sessions (both arms) at which decisions tend to be made. */
  readonly expectedSessions: number;
}

export interface SequentialInterval {
  /** estimate ± halfWidth: an always-valid (1 − α) confidence sequence. */
  readonly ci: Interval;
  readonly halfWidth: number;
  /** The always-valid p-value: the smallest α′ whose boundary (ρ held fixed) excludes 0. */
  readonly pValue: number;
}

/**
 * Always-valid inference (GrowthBook/Eppo's normal-mixture confidence sequence): an interval that
 * may be looked at after every run without inflating the false-positive rate.
 *
 * With ρ = mixtureTuning(α, N*) and n = nC + nT:
 *   halfWidth = se·√n·√[2(nρ² + 1)/(n²ρ²) · ln(√(nρ² + 1)/α)]
 *             = se·√[2(nρ² + 1)/(nρ²) · ln(√(nρ² + 1)/α)].
 * At n = N* and α = 0.05 the multiplier halfWidth/se is 3.03 instead of 1.96.
 *
 * p-value: solving |Δ| = halfWidth(α′) for α′ with ρ kept at the configured α's tuning gives
 *   ln(√(nρ² + 1)/α′) = Δ²·nρ² / (2·se²·(nρ² + 1)), so
 *   p = min(1, √(nρ² + 1) · exp(−z²·nρ² / (2(nρ² + 1)))),  z = Δ/se,
 * evaluated in log space. Hence p < α exactly when 0 lies outside ci. Taking the running minimum
 * of p over looks is also valid.
 *
 * Degenerate rules: se = 0 → Unavailable; n < 2 → Unavailable; a non-finite estimate or se →
 * Unavailable. A negative se, a non-integer or negative n, or a bad alpha or expectedSessions
 * throws a RangeError.
 */
export function sequentialInterval(inputs: SequentialInputs): Maybe<SequentialInterval> {
  const { estimate, se, n, alpha, expectedSessions } = inputs;
  const rho = mixtureTuning(alpha, expectedSessions);
  assertCount('n', n);
  if (!Number.isFinite(estimate) || !Number.isFinite(se)) {
    return unavailable('estimate and standard error must be finite numbers');
  }
  if (se < 0) throw new RangeError(`se must be non-negative, got ${se}`);
  if (n < 2) return unavailable('needs at least 2 sessions');
  if (se === 0) return unavailable('the standard error is 0');
  const nRho2 = n * rho * rho;
  const multiplier = Math.sqrt(
    ((2 * (nRho2 + 1)) / nRho2) * (0.5 * Math.log1p(nRho2) - Math.log(alpha)),
  );
  const halfWidth = se * multiplier;
  const z = estimate / se;
  const logP = 0.5 * Math.log1p(nRho2) - (z * z * nRho2) / (2 * (nRho2 + 1));
  const pValue = Math.min(1, Math.exp(logP));
  return { ci: [estimate - halfWidth, estimate + halfWidth], halfWidth, pValue };
}
