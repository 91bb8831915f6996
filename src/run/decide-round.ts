import { analyze } from '../analysis/analyze.js';
import type { Report, Verdict } from '../analysis/report-types.js';
import type { ExperimentConfig } from '../config/experiment-config.js';
import { ColumnarSessionTable } from '../records/session-table.js';
import type { SessionRecord } from '../records/types.js';

/** The verdicts that end an experiment run `--until-decided`. */
const DECIDED: readonly Verdict[] = ['adopt', 'reject', 'no-difference'];

export interface RoundDecision {
  report: Report;
  decided: boolean;
}

/**
 * The one place the runner calls the analysis: after a round of `--until-decided`, the sessions
 * so far analysed with the sequential method, and whether the verdict ends the experiment.
 *
 * `looks` is every look made so far, this one last, each as its total sessions (both arms): the
 * group-sequential boundary of this look depends on the earlier ones. `planned` is the size of the
 * whole schedule, where the design's final look falls (the last round spends what is left of α).
 */
export function decideRound(
  records: Iterable<SessionRecord>,
  config: ExperimentConfig,
  looks: readonly number[],
  planned: number,
): RoundDecision {
  const table = new ColumnarSessionTable({ extraLabels: config.segments });
  let count = 0;
  for (const record of records) {
    table.add(record);
    count++;
  }
  if (looks.at(-1) !== count) throw new Error('decideRound: the last look must be this round');
  const report = analyze(
    table,
    { ...config, method: 'sequential', expectedSessions: Math.max(2, planned) },
    {
      files: [],
      recordsRead: count,
      skippedInvalid: 0,
      otherExperiments: {},
    },
    { priorLooks: looks.slice(0, -1) },
  );
  return { report, decided: DECIDED.includes(report.recommendation.verdict) };
}
