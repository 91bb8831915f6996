import { describe, expect, it } from 'vitest';
import type { MetricReport } from '../../src/analysis/report-types.js';
import { buildComment, commentMarker } from '../../src/report/comment.js';
import { escapeMarkdown } from '../../src/report/escape.js';
import {
  COMMENT_LIMIT_CHARACTERS,
  countBytes,
  countCharacters,
  SUMMARY_LIMIT_BYTES,
} from '../../src/report/limits.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { buildSummary } from '../../src/report/summary.js';
import type { HistoryPoint } from '../../src/report/view.js';
import { realReport, viewOf } from './report-fixture.js';

/** A report of thousands of metrics with long notes and warnings: far past every limit. */
function hugeReport(metrics: number) {
  const report = realReport();
  const template = report.metrics.find((m) => m.role !== 'primary') as MetricReport;
  const long = 'x<y> | @team '.repeat(40);
  const extra = Array.from({ length: metrics }, (_, i) => ({
    ...template,
    name: `custom_metric_${i}_${'n'.repeat(40)}`,
    notes: [`note ${i}: ${long}`, `second ${i}: ${long}`],
  }));
  return {
    ...report,
    metrics: [...report.metrics, ...extra],
    warnings: Array.from({ length: 500 }, (_, i) => `warning ${i}: ${long}`),
  };
}

function history(points: number): HistoryPoint[] {
  return Array.from({ length: points }, (_, i) => ({
    runId: 1000 + i,
    attempt: 1,
    sha: 'f'.repeat(40),
    time: new Date(Date.UTC(2025, 0, 1, i)).toISOString(),
    sessions: { control: i, treatment: i },
    verdict: 'inconclusive',
    lift: { estimate: -0.1, ci: [-0.3, 0.1] },
    method: 'sequential',
  }));
}

describe('size limits', () => {
  it('a small report is posted whole', () => {
    const view = viewOf(realReport(), { history: history(3) });
    const comment = buildComment(view);
    expect(comment.startsWith(commentMarker('exp'))).toBe(true);
    expect(comment).not.toContain('Some detail was left out');
    expect(comment).toContain('Tests and power per metric');
    expect(buildSummary(view)).not.toContain('Some detail was left out');
  });

  it('thousands of metrics and notes: detail is dropped, it says so, and the comment fits', () => {
    const view = viewOf(hugeReport(1500), { history: history(200) });
    expect(countCharacters(renderMarkdown(view.report))).toBeGreaterThan(COMMENT_LIMIT_CHARACTERS);
    const comment = buildComment(view);
    expect(countCharacters(comment)).toBeLessThanOrEqual(COMMENT_LIMIT_CHARACTERS);
    expect(comment).toContain('Some detail was left out');
    expect(comment).toContain('The full report is in the report-markdown file');
    // The verdict and the primary metric always stay.
    expect(comment).toContain(escapeMarkdown(view.report.recommendation.reason));
    expect(comment).toMatch(/\| tool&#95;error&#95;rate \| primary \|/);
  });

  it('the summary keeps more, and stays under 1 MiB', () => {
    const view = viewOf(hugeReport(1500), { history: history(200) });
    const summary = buildSummary(view);
    expect(countBytes(summary)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(countBytes(summary)).toBeGreaterThan(COMMENT_LIMIT_CHARACTERS);
    expect(summary).toContain('Some detail was left out');
  });
});
