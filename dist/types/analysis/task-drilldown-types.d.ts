/** The per-task drill-down's types: inferred from its schema in the report contract. */
export type { PassAtK, TaskDrilldown, TaskRow, VerdictCheck } from './report-types.js';
/** An arm of the experiment, as the drill-down names it. */
export type Arm = 'control' | 'treatment';
/** Sessions of one arm on one task that solved it, out of those that say whether they did. */
export interface Solved {
    solved: number;
    sessions: number;
}
