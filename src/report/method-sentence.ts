import type { Report } from '../analysis/report-types.js';

/** Which analysis produced the intervals and p-values, in plain words. */
export function methodSentence(report: Report): string {
  const { method, expectedSessions } = report.analysis;
  return method === 'sequential'
    ? `Sequential analysis: always-valid intervals and p-values (a confidence sequence tuned for ${expectedSessions} sessions), safe to look at after every run.`
    : 'Fixed-horizon analysis: valid for one look at a sample size chosen in advance; use --method sequential when you check after every run.';
}
