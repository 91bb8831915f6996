import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import type { Report } from '../../src/analysis/report-types.js';
import { DEFAULT_CONFIG } from '../../src/config/experiment-config.js';
import { ColumnarSessionTable } from '../../src/records/session-table.js';
import type { SessionRecord } from '../../src/records/types.js';
import { FULL_DETAIL } from '../../src/report/limits.js';
import { renderDocument, renderMarkdown } from '../../src/report/markdown.js';
import { parseReportView } from '../../src/report/view-schema.js';
import { sessions } from '../action/sessions.js';
import { viewOf } from './report-fixture.js';

function segmentedReport() {
  const table = new ColumnarSessionTable();
  sessions({ prefix: 'seg', perArm: 30, experiment: 'exp' }).forEach((record, i) =>
    table.add({
      ...record,
      category: i % 2 ? 'bug|fix <b>@team</b>' : 'refactor',
    } as SessionRecord),
  );
  const config = {
    ...DEFAULT_CONFIG,
    experiment: 'exp',
    segments: ['category'],
    chanceToBeat: true,
  };
  return analyze(table, config, {
    files: [],
    recordsRead: 60,
    skippedInvalid: 0,
    otherExperiments: {},
  });
}

describe('the Markdown report', () => {
  // Analysed once: no test changes it.
  let report: Report;
  beforeAll(() => {
    report = segmentedReport();
  });

  it('shows segments (escaped) and the chance to beat when the analysis has them', () => {
    const markdown = renderMarkdown(report);
    expect(markdown).toMatch(
      /Chance that warm beats cold on tool&#95;error&#95;rate: \d+(\.\d+)?%\./,
    );
    expect(markdown).toContain('<summary>tool&#95;error&#95;rate by category</summary>');
    expect(markdown).toContain('| bug&#124;fix &#60;b&#62;@\u200bteam&#60;/b&#62; |');
    expect(markdown).not.toContain('<b>');
  });

  it('renders the same from a view that went through a report artifact', () => {
    const view = viewOf(report);
    const parsed = parseReportView(JSON.parse(JSON.stringify(view)));
    if ('problems' in parsed) throw new Error(parsed.problems.join('\n'));
    expect(renderDocument(parsed.view, FULL_DETAIL, false)).toBe(
      renderDocument(view, FULL_DETAIL, false),
    );
  });

  it('refuses a view whose numbers are not numbers', () => {
    const view = JSON.parse(JSON.stringify(viewOf(report)));
    view.report.metrics[0].control.n = '<img src=x>';
    const parsed = parseReportView(view);
    expect('problems' in parsed && parsed.problems[0]).toMatch(/^report\.metrics\.0\.control\.n: /);
  });
});
