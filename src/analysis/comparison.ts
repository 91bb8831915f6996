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
  /** Per-session variances and the control mean, for power; null when unknown. */
  spread: { varianceControl: number; varianceTreatment: number; controlMean: number } | null;
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
