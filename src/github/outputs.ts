import * as core from '@actions/core';
import type { Report } from '../analysis/report-types.js';

export interface OutputExtras {
  reportJson: string;
  reportMarkdown: string;
  reportHtml: string;
  commentUrl: string | null;
  storeArtifactId: number | null;
}

/** Every output of action.yml; numbers in full precision, '' where there is no value. */
export function setOutputs(report: Report, extras: OutputExtras): void {
  const primary = report.metrics.find((metric) => metric.role === 'primary');
  const text = (value: number | string | null | undefined) =>
    value === null || value === undefined ? '' : String(value);
  const outputs: Record<string, string> = {
    verdict: report.recommendation.verdict,
    winner: text(report.recommendation.winner),
    'p-value': text(primary?.pValue),
    lift: text(primary?.relative.estimate),
    'lift-ci-low': text(primary?.relative.ci?.[0]),
    'lift-ci-high': text(primary?.relative.ci?.[1]),
    'sessions-control': text(report.sessions[report.control] ?? 0),
    'sessions-treatment': text(report.sessions[report.treatment] ?? 0),
    'report-json': extras.reportJson,
    'report-markdown': extras.reportMarkdown,
    'report-html': extras.reportHtml,
    'comment-url': text(extras.commentUrl),
    'store-artifact-id': text(extras.storeArtifactId),
  };
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}
