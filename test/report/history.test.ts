import { describe, expect, it } from 'vitest';
import { historyPointOf, historyTable } from '../../src/report/history.js';
import { renderDocument } from '../../src/report/markdown.js';
import { FULL_DETAIL } from '../../src/report/limits.js';
import { liftChart } from '../../src/report/mermaid.js';
import type { HistoryPoint } from '../../src/report/view.js';
import { realReport, viewOf } from './report-fixture.js';

const point = (i: number, lift: HistoryPoint['lift']): HistoryPoint => ({
  runId: 100 + i,
  attempt: i === 2 ? 2 : 1,
  sha: i === 3 ? 'not a sha' : 'abcdef0123456789abcdef0123456789abcdef01',
  time: new Date(Date.UTC(2025, 0, i + 1)).toISOString(),
  sessions: { control: 10 * i, treatment: 11 * i },
  verdict: 'inconclusive',
  lift,
  method: 'sequential',
});

describe('the history of looks', () => {
  const history = [
    point(1, { estimate: -0.2, ci: [-0.5, 0.1] }),
    point(2, { estimate: -0.25, ci: [-0.4, -0.1] }),
    point(3, null),
    point(4, { estimate: -0.3, ci: null }),
    point(5, { estimate: -0.31, ci: [-0.42, -0.2] }),
  ];

  it('charts the lift and its interval as three lines, in percent, numbered as the table', () => {
    expect(liftChart(history, 'tool_error_rate')).toEqual([
      '```mermaid',
      'xychart-beta',
      '  title "Relative lift of tool_error_rate per look (%)"',
      '  x-axis ["1", "2", "5"]',
      '  y-axis "lift (%)"',
      '  line [-20, -25, -31]',
      '  line [-50, -40, -42]',
      '  line [10, -10, -20]',
      '```',
    ]);
  });

  it('has no chart for fewer than two looks with an interval, and nothing can break the block', () => {
    expect(liftChart(history.slice(2, 4), 'x')).toBeNull();
    expect(liftChart(history, 'a"]\n```<b>')?.[2]).toBe(
      '  title "Relative lift of ab per look (%)"',
    );
  });

  it('tables every look beside it, the latest when cut', () => {
    const table = historyTable(history, 10);
    expect(table[2]).toBe('| 1 | 101 | `abcdef0` | 10 / 11 | -20% | [-50%, +10%] | inconclusive |');
    expect(table[3]).toContain('| 102 &#40;attempt 2&#41; |');
    expect(table[4]).toBe('| 3 | 103 | not a sha | 30 / 33 | — | — | inconclusive |');
    const cut = historyTable(history, 2);
    expect(cut.slice(2, 4).map((row) => row.split(' | ')[0])).toEqual(['| 4', '| 5']);
    expect(cut.at(-1)).toBe('<sub>3 earlier looks left out.</sub>');
  });

  it("puts chart and table in the report, and this run's look comes from the report", () => {
    const report = realReport();
    const look = historyPointOf(report, { runId: 7, attempt: 1, sha: null, time: new Date(0) });
    const primary = report.metrics.find((m) => m.role === 'primary');
    expect(look.lift?.estimate).toBe(primary?.relative.estimate);
    expect(look.sessions).toEqual({ control: 20, treatment: 20 });
    const markdown = renderDocument(viewOf(report, { history }), FULL_DETAIL, false);
    expect(markdown).toContain('#### tool&#95;error&#95;rate: relative lift over the looks');
    expect(markdown).toContain('xychart-beta');
    expect(markdown).toContain('| look | run | commit |');
  });
});
