import { isUnavailable, sampleRatioMismatch } from '../stats/index.js';
import type { SrmReport } from './report-types.js';

/** GrowthBook's and Statsig's threshold: below it the split is almost surely broken. */
export const SRM_THRESHOLD = 0.001;

/** Pearson chi-square of the sessions per arm against the expected split, control first. */
export function sampleRatio(
  controlSessions: number,
  treatmentSessions: number,
  expected: [number, number],
): SrmReport {
  const test = sampleRatioMismatch([controlSessions, treatmentSessions], expected);
  if (isUnavailable(test)) return { statistic: null, pValue: null, expected, mismatch: false };
  return {
    statistic: test.statistic,
    pValue: test.pValue,
    expected,
    mismatch: test.pValue < SRM_THRESHOLD,
  };
}
