import type { Estimate } from './estimators.js';
import type { ArmSummary, Interval, MetricReport, TestName } from './report-types.js';

/** What a kind-specific comparison finds, before the family of metrics is corrected. */
export interface Comparison {
  control: ArmSummary;
  treatment: ArmSummary;
  difference: { estimate: number | null; ci: Interval | null };
  relative: { estimate: number | null; ci: Interval | null };
  test: TestName | null;
  pValue: number | null;
  tests: MetricReport['tests'];
  /** The same difference as an estimate with a standard error, for the other analyses; null when undefined. */
  independent: Estimate | null;
  notes: string[];
}

export interface ComparisonSettings {
  /** Confidence level of every interval: 1 − alpha. */
  level: number;
}

export const NO_TESTS: MetricReport['tests'] = {
  welch: null,
  mannWhitney: null,
  fisher: null,
  deltaMethod: null,
};

export function emptyArm(n: number): ArmSummary {
  return { n, mean: null, sd: null, median: null, ci: null };
}
