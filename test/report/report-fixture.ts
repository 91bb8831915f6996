import { analyze } from '../../src/analysis/analyze.js';
import type { Report } from '../../src/analysis/report-types.js';
import { DEFAULT_CONFIG } from '../../src/config/experiment-config.js';
import { ColumnarSessionTable } from '../../src/records/session-table.js';
import type { SessionRecord } from '../../src/records/types.js';
import type { ReportView } from '../../src/report/view.js';
import { sessions } from '../action/sessions.js';

/** A real report of generated sessions. */
export function realReport(perArm = 20): Report {
  const table = new ColumnarSessionTable();
  for (const record of sessions({ prefix: 'report', perArm, experiment: 'exp' })) {
    table.add(record as SessionRecord);
  }
  return analyze(
    table,
    { ...DEFAULT_CONFIG, experiment: 'exp' },
    {
      files: ['results/a.jsonl'],
      recordsRead: perArm * 2,
      skippedInvalid: 0,
      otherExperiments: {},
    },
  );
}

export function viewOf(report: Report, extra: Partial<ReportView> = {}): ReportView {
  return {
    report,
    store: null,
    history: [],
    fullReport: 'in the report-markdown file',
    runUrl: null,
    ...extra,
  };
}
