import type { MetricReport, Report } from '../analysis/report-types.js';

/** Which analysis produced the intervals and p-values, in plain words. */
export function methodSentence(report: Report): string {
  const { method, expectedSessions } = report.analysis;
  return method === 'sequential'
    ? `Sequential analysis: always-valid intervals and p-values (a confidence sequence tuned for ${expectedSessions} sessions), safe to look at after every run.`
    : 'Fixed-horizon analysis: valid for one look at a sample size chosen in advance; choose the sequential method when you check after every run.';
}

const TEST_LABELS: Record<NonNullable<MetricReport['test']>, string> = {
  welch: "Welch's t",
  fisher: "Fisher's exact",
  deltaMethod: 'delta method',
  z: 'z (normal)',
  pairedT: 'paired t over tasks',
  clusteredZ: 'task-clustered z',
};

/** The test behind a metric's p-value, and whether it is sequential: `sequential paired t over tasks`. */
export function testLabel(metric: Pick<MetricReport, 'test' | 'method'>): string {
  if (metric.test === null) return '—';
  return `${metric.method === 'sequential' ? 'sequential ' : ''}${TEST_LABELS[metric.test]}`;
}
