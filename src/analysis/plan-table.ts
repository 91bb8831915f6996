import type { MetricReport } from './report-types.js';
import { plan, type PlanningSettings } from './planning.js';

export type PlanBasis = NonNullable<MetricReport['power']['basis']>;

export interface PlanRow {
  /** The change to detect, relative to the control's value. */
  relative: number;
  absolute: number;
  /** Sessions per arm, by analysis method; null when no sample size reaches the power. */
  fixedHorizon: number | null;
  sequential: number | null;
}

/** Sessions per arm needed for each effect, under both analysis methods. */
export function planTable(
  basis: PlanBasis,
  effects: number[],
  settings: Omit<PlanningSettings, 'method' | 'minEffect'>,
): PlanRow[] {
  const needed = (minEffect: number, method: PlanningSettings['method']) =>
    plan(basis, { ...settings, minEffect, method }).sessionsNeeded;
  return effects.map((relative) => ({
    relative,
    absolute: relative * Math.abs(basis.controlValue),
    fixedHorizon: needed(relative, 'fixed-horizon'),
    sequential: needed(relative, 'sequential'),
  }));
}

/** Sessions per arm behind a synthetic basis: the plan scales as 1/√sessions, so any size works. */
const BASIS_SESSIONS_PER_ARM = 100;

/**
 * A plan's basis from a baseline alone: a rate p (per-session variance p(1 − p), or p(1 − p)/calls
 * when the rate is per tool call), or a mean with its standard deviation.
 */
export function baselineBasis(
  baseline: { rate: number; callsPerSession?: number } | { mean: number; sd: number },
): PlanBasis {
  const variance =
    'rate' in baseline
      ? (baseline.rate * (1 - baseline.rate)) / (baseline.callsPerSession ?? 1)
      : baseline.sd ** 2;
  return {
    se: Math.sqrt((2 * variance) / BASIS_SESSIONS_PER_ARM),
    sessions: 2 * BASIS_SESSIONS_PER_ARM,
    controlValue: 'rate' in baseline ? baseline.rate : baseline.mean,
  };
}
