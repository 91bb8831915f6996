import type { ExperimentConfig } from '../config/experiment-config.js';
import type { SessionTable } from '../records/types.js';
import { type MetricDefinition } from './metric-definitions.js';
import type { InputSummary, Recommendation, Report } from './report-types.js';
/** What the reader learnt about the input, beyond the table itself. */
export type InputFacts = Omit<InputSummary, 'duplicates' | 'otherVariants'>;
/**
 * The whole analysis: sessions in, report contract v1 out. Pure. `priorLooks` holds the sessions
 * (both arms) of each earlier look at this experiment, as the store's history keeps them: the
 * sequential design's boundary at this look depends on them. `tasks: false` leaves out the
 * per-task drill-down, whose verdict check asks `recommendationWithout` some tasks.
 */
export declare function analyze(table: SessionTable, config: ExperimentConfig, input: InputFacts, options?: {
    priorLooks?: readonly number[];
    tasks?: boolean;
}): Report;
/**
 * The recommendation of the same analysis on the table without the rows `leaveOut` picks: the
 * metrics that decide (`definitions`: the primary metric and the guardrails, as the whole analysis
 * resolved them) compared again on the rows kept, reading the table in place (no copy of its
 * columns). The metrics stay those of the experiment: one whose sessions were all left out is
 * compared as having none, not taken for a configuration error. The secondary metrics, the
 * classical reference tests and the arms' descriptions never decide, and at a million sessions
 * they are most of the work.
 */
export declare function recommendationWithout(table: SessionTable, config: ExperimentConfig, definitions: readonly MetricDefinition[], leaveOut: (row: number) => boolean, priorLooks: readonly number[]): Recommendation;
