import type { Method } from '../config/experiment-config.js';
import {
  isUnavailable,
  normalCdf,
  normalQuantile,
  sequentialInterval,
  tCdf,
  tQuantile,
  type Maybe,
} from '../stats/index.js';
import type { Estimate } from './estimators.js';
import type { Interval } from './report-types.js';

export interface InferenceSettings {
  method: Method;
  alpha: number;
  /** Sessions at which decisions are usually made: tunes the sequential boundary. */
  expectedSessions: number;
}

export interface Inference {
  ci: Interval;
  pValue: number;
  relative: { estimate: number; ci: Interval } | null;
}

/**
 * Intervals and p-value for an estimate: fixed-horizon (t or normal reference), or sequential
 * (an always-valid confidence sequence: its p-value and interval stay valid however often the
 * experiment is looked at).
 */
export function infer(estimate: Estimate, settings: InferenceSettings): Maybe<Inference> {
  const { estimate: delta, se } = estimate;
  let ci: Interval;
  let pValue: number;
  if (settings.method === 'sequential') {
    const sequence = sequentialOnScale(estimate, settings);
    if (isUnavailable(sequence)) return sequence;
    ci = sequence.ci;
    pValue = sequence.pValue;
  } else {
    const critical = fixedCritical(settings.alpha, estimate.df);
    ci = [delta - critical * se, delta + critical * se];
    const z = -Math.abs(delta / se);
    pValue = 2 * (estimate.df === null ? normalCdf(z) : tCdf(z, estimate.df));
  }
  return { ci, pValue, relative: relativeChange(estimate, ci) };
}

/**
 * The mixture boundary assumes a known standard error. With few tasks a t reference applies, so
 * the boundary is carried over to the t scale by equal tail probability: the multiplier m becomes
 * t⁻¹(Φ(m), df) and the statistic t becomes the z with the same tail before the p-value is taken.
 * Without this, a paired comparison of 4 tasks at the first look would spend a fifth of alpha.
 */
function sequentialOnScale(
  estimate: Estimate,
  settings: InferenceSettings,
): Maybe<{ ci: Interval; pValue: number }> {
  const { estimate: delta, se, df } = estimate;
  const boundary = {
    se: 1,
    n: estimate.sessions,
    alpha: settings.alpha,
    expectedSessions: settings.expectedSessions,
  };
  const standard = sequentialInterval({ ...boundary, estimate: delta / se });
  if (isUnavailable(standard) || df === null) {
    if (isUnavailable(standard)) return standard;
    return {
      ci: [delta - standard.halfWidth * se, delta + standard.halfWidth * se],
      pValue: standard.pValue,
    };
  }
  const multiplier = tQuantile(normalCdf(standard.halfWidth), df);
  const zWithSameTail = -normalQuantile(tCdf(-Math.abs(delta / se), df));
  const onZ = sequentialInterval({ ...boundary, estimate: zWithSameTail });
  if (isUnavailable(onZ)) return onZ;
  return { ci: [delta - multiplier * se, delta + multiplier * se], pValue: onZ.pValue };
}

export function fixedCritical(alpha: number, df: number | null): number {
  return df === null ? normalQuantile(1 - alpha / 2) : tQuantile(1 - alpha / 2, df);
}

/**
 * (treatment − control)/|control|, its interval the difference's divided by |control| (the
 * control's value taken as known), so that it agrees with the test behind the p-value.
 */
function relativeChange(estimate: Estimate, ci: Interval): Inference['relative'] {
  const base = Math.abs(estimate.controlMean);
  if (base === 0) return null;
  return { estimate: estimate.estimate / base, ci: [ci[0] / base, ci[1] / base] };
}
