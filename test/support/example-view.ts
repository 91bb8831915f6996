import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/analysis/analyze.js';
import type { Report } from '../../src/analysis/report-types.js';
import { parseInputs } from '../../src/config/parse-inputs.js';
import { ColumnarSessionTable } from '../../src/records/session-table.js';
import type { SessionRecord } from '../../src/records/types.js';
import { historyPointOf, looksOf } from '../../src/report/history.js';
import type { ReportView } from '../../src/report/view.js';
import { REPO } from './run-cli.js';

/** Looks at the example: its sessions in order of start, stored over this many runs. */
const RUNS = 5;

/**
 * The example experiment as the Action would report it after its sessions arrived over `RUNS`
 * workflow runs (in order of start time) with the Action's defaults: the last run's report, and
 * the history of the looks that the store keeps.
 */
export function exampleView(): ReportView {
  const records = ['cold', 'warm']
    .flatMap((arm) =>
      readFileSync(join(REPO, 'examples/warm-vs-cold', `${arm}.jsonl`), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as SessionRecord),
    )
    .sort((a, b) => String(a.start_time).localeCompare(String(b.start_time)));
  // The Action's defaults, with the experiment planned at the example's size (the final look).
  const config = parseInputs({
    experiment: 'warm-vs-cold',
    method: 'sequential',
    expectedSessions: String(records.length),
  });
  const history = [];
  let report: Report | undefined;
  for (let run = 1; run <= RUNS; run++) {
    const table = new ColumnarSessionTable();
    const upTo = Math.round((records.length * run) / RUNS);
    for (const record of records.slice(0, upTo)) table.add(record);
    report = analyze(
      table,
      config,
      {
        files: ['results/cold.jsonl', 'results/warm.jsonl'],
        recordsRead: upTo,
        skippedInvalid: 0,
        otherExperiments: {},
      },
      { priorLooks: looksOf(history) },
    );
    const last = records[upTo - 1]!;
    history.push(
      historyPointOf(report, {
        runId: 8100 + run,
        attempt: 1,
        sha: null,
        time: new Date(String(last.end_time)),
      }),
    );
  }
  return {
    report: report!,
    store: null,
    history,
    fullReport: 'in report.html and report.md of the artifact ab-verdict-report-warm-vs-cold',
    runUrl: null,
  };
}
