import { analyze } from '../../src/analysis/analyze.js';
import type { Report } from '../../src/analysis/report-types.js';
import { DEFAULT_CONFIG } from '../../src/config/experiment-config.js';
import { ColumnarSessionTable } from '../../src/records/session-table.js';
import type { SessionRecord } from '../../src/records/types.js';
import type { ReportView } from '../../src/report/view.js';
import { sessions } from '../action/sessions.js';

const reports = new Map<number, Report>();

/**
 * A real report of generated sessions. Analysed once per size (its permutations take a good part
 * of a second); each call gets its own copy, free to change.
 */
export function realReport(perArm = 20): Report {
  let report = reports.get(perArm);
  if (report === undefined) {
    report = analyzeSessions(perArm);
    reports.set(perArm, report);
  }
  return structuredClone(report);
}

function analyzeSessions(perArm: number): Report {
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
