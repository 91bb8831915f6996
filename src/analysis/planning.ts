import { isUnavailable, normalQuantile, sequentialInterval } from '../stats/index.js';
import type { Estimate } from './estimators.js';
import { fixedCritical, type InferenceSettings } from './inference.js';
import type { MetricReport } from './report-types.js';

export interface PlanningSettings extends InferenceSettings {
  power: number;
  /** Relative change to detect, as a fraction of the control's value. */
  minEffect: number;
}

const MAX_SESSIONS = 1e9;

/**
 * Sessions per arm to detect the minimum effect at the configured power, and the effect the
 * current sessions can detect, from the standard error actually observed (so paired and
 * clustered designs plan with their own variance, Miller eq. 9–10). The standard error is scaled
 * as 1/√sessions; under sequential analysis the boundary's wider multiplier is used.
 */
export function plan(estimate: Estimate, settings: PlanningSettings): MetricReport['power'] {
  const zPower = normalQuantile(settings.power);
  const base = Math.abs(estimate.controlMean);
  const multiplierAt = (sessions: number) => boundaryMultiplier(settings, sessions);
  const detectable = (multiplierAt(estimate.sessions) + zPower) * estimate.se;
  const minimumDetectableEffect = {
    absolute: detectable,
    relative: base === 0 ? null : detectable / base,
  };
  const basis = {
    se: estimate.se,
    sessions: estimate.sessions,
    controlValue: estimate.controlMean,
  };
  const delta = settings.minEffect * base;
  if (!(delta > 0)) return { sessionsNeeded: null, minimumDetectableEffect, basis };

  // The smallest total N with (multiplier(N) + z_power)·se·√(n/N) ≤ δ; the left side falls with N.
  const reaches = (total: number) =>
    (multiplierAt(total) + zPower) * estimate.se * Math.sqrt(estimate.sessions / total) <= delta;
  if (!reaches(MAX_SESSIONS)) return { sessionsNeeded: null, minimumDetectableEffect, basis };
  let low = 1;
  let high = MAX_SESSIONS;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (reaches(middle)) high = middle;
    else low = middle;
  }
  return { sessionsNeeded: Math.max(2, Math.ceil(high / 2)), minimumDetectableEffect, basis };
}

/** Half-width of the interval in standard errors at a total of `sessions`. */
function boundaryMultiplier(settings: InferenceSettings, sessions: number): number {
  // Planning uses the normal reference, as the sample-size formulas do.
  if (settings.method === 'fixed-horizon') return fixedCritical(settings.alpha, null);
  const sequence = sequentialInterval({
    estimate: 0,
    se: 1,
    n: Math.max(2, Math.round(sessions)),
    alpha: settings.alpha,
    expectedSessions: settings.expectedSessions,
  });
  return isUnavailable(sequence) ? Infinity : sequence.halfWidth;
}
