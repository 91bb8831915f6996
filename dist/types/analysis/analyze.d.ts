import type { ExperimentConfig } from '../config/experiment-config.js';
import type { SessionTable } from '../records/types.js';
import type { InputSummary, Report } from './report-types.js';
/** What the reader learnt about the input, beyond the table itself. */
export type InputFacts = Omit<InputSummary, 'duplicates' | 'otherVariants'>;
/**
 * The whole analysis: sessions in, report contract v1 out. Pure. `priorLooks` holds the sessions
 * (both arms) of each earlier look at this experiment, as the store's history keeps them: the
 * sequential design's boundary at this look depends on them. `tasks: false` leaves out the
 * per-task drill-down, whose verdict check runs this analysis again without some tasks. That
 * re-analysis only needs the verdict: `verdictOnly` leaves out what never decides (the secondary
 * metrics, the classical reference tests and the arms' descriptions), which at a million
 * sessions is most of the work.
 */
export declare function analyze(table: SessionTable, config: ExperimentConfig, input: InputFacts, options?: {
    priorLooks?: readonly number[];
    tasks?: boolean;
    verdictOnly?: boolean;
}): Report;
