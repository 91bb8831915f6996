import type { Method } from '../config/experiment-config.js';
import { groupSequentialBoundaries, mixtureTuning, normalQuantile } from '../stats/index.js';
import type { MetricReport } from './report-types.js';

export interface PlanningSettings {
  method: Method;
  alpha: number;
  power: number;
  /** Relative change to detect, as a fraction of the control's value. */
  minEffect: number;
  /** The planned size: the sequential final look, the always-valid tuning. */
  expectedSessions: number;
}

/** What a plan rests on: the standard error of the difference observed with `sessions` sessions. */
export interface PlanBasis {
  se: number;
  sessions: number;
  /** The control's value on the analysis scale (its log on the log scale). */
  controlValue: number;
  scale?: 'linear' | 'log';
}

const MAX_SESSIONS = 1e9;
/** Looks assumed by a sequential plan made before any look: ten, equally spaced. */
const PLANNED_LOOKS = 10;

/**
 * Sessions per arm to detect the minimum effect at the configured power, and the effect the
 * current sessions can detect, from the standard error actually observed (so paired and clustered
 * designs plan with their own variance). The standard error scales as 1/√sessions. Sequential
 * analysis plans with its final boundary (ten equally spaced looks), always-valid with its
 * boundary at the size planned for. On the log scale the change is a ratio: 1 + minEffect.
 */
export function plan(basis: PlanBasis, settings: PlanningSettings): MetricReport['power'] {
  const zPower = normalQuantile(settings.power);
  const log = basis.scale === 'log';
  const base = Math.abs(basis.controlValue);
  const multiplierAt = (sessions: number) => boundaryMultiplier(settings, sessions);
  const detectable = (multiplierAt(basis.sessions) + zPower) * basis.se;
  const minimumDetectableEffect = log
    ? {
        absolute: Math.exp(basis.controlValue) * Math.expm1(detectable),
        relative: Math.expm1(detectable),
      }
    : { absolute: detectable, relative: base === 0 ? null : detectable / base };
  const reported = { se: basis.se, sessions: basis.sessions, controlValue: basis.controlValue };
  const delta = log ? Math.log1p(settings.minEffect) : settings.minEffect * base;
  if (!(delta > 0) || !(basis.se > 0)) {
    return { sessionsNeeded: null, minimumDetectableEffect, basis: reported };
  }

  // The smallest total N with (multiplier(N) + z_power)·se·√(n/N) ≤ δ; the left side falls with N.
  const reaches = (total: number) =>
    (multiplierAt(total) + zPower) * basis.se * Math.sqrt(basis.sessions / total) <= delta;
  if (!reaches(MAX_SESSIONS)) {
    return { sessionsNeeded: null, minimumDetectableEffect, basis: reported };
  }
  let low = 1;
  let high = MAX_SESSIONS;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (reaches(middle)) high = middle;
    else low = middle;
  }
  return {
    sessionsNeeded: Math.max(2, Math.ceil(high / 2)),
    minimumDetectableEffect,
    basis: reported,
  };
}

/** Half-width of the interval in standard errors at a total of `sessions` (normal reference). */
function boundaryMultiplier(settings: PlanningSettings, sessions: number): number {
  if (settings.method === 'fixed-horizon') return normalQuantile(1 - settings.alpha / 2);
  if (settings.method === 'sequential') return finalBoundary(settings.alpha);
  const rho = mixtureTuning(settings.alpha, settings.expectedSessions);
  const v = Math.max(2, Math.round(sessions)) * rho * rho;
  return Math.sqrt(((2 * (v + 1)) / v) * (0.5 * Math.log1p(v) - Math.log(settings.alpha)));
}

const finalBoundaries = new Map<number, number>();

function finalBoundary(alpha: number): number {
  let boundary = finalBoundaries.get(alpha);
  if (boundary === undefined) {
    const fractions = Array.from({ length: PLANNED_LOOKS }, (_, i) => (i + 1) / PLANNED_LOOKS);
    boundary = groupSequentialBoundaries(fractions, alpha).at(-1)!.boundary;
    finalBoundaries.set(alpha, boundary);
  }
  return boundary;
}
