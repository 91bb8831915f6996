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
 * `looks` is every look made so far, this one last, each as its total sessions (both arms): a
 * group-sequential boundary depends on them. Today's `analyze()` takes no looks (its confidence
 * sequence is valid at any number of looks), so they are not passed yet; they are collected here
 * so that the analysis can be given them when its API takes them.
 */
export function decideRound(
  records: Iterable<SessionRecord>,
  config: ExperimentConfig,
  looks: readonly number[],
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
    { ...config, method: 'sequential' },
    {
      files: [],
      recordsRead: count,
      skippedInvalid: 0,
      otherExperiments: {},
    },
  );
  return { report, decided: DECIDED.includes(report.recommendation.verdict) };
}
