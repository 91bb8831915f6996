import type { SessionTable } from '../records/types.js';
import type { Recommendation } from './report-types.js';
import type { TaskDrilldown, TaskRow } from './task-drilldown-types.js';
/** Tasks left out one at a time, the most influential first; then the one category. */
export declare const TASK_CHECKS = 3;
/**
 * Does the verdict survive without the tasks that carry it most? Each of the `TASK_CHECKS` most
 * influential tasks, and the most influential category, is left out in turn and the metrics that
 * decide compared again without its sessions (`reanalyze`), until one changes the verdict: so
 * the check follows whatever statistics decide, and costs at most `TASK_CHECKS` + 1 analyses. "Most
 * influential": for adopt or reject, the tasks whose difference pushes the mean difference
 * furthest in the verdict's direction (leaving them out weakens it most); for no difference,
 * those furthest from the mean either way. Null when the verdict is not a decision.
 */
export declare function verdictRobustness(table: SessionTable, rows: readonly TaskRow[], recommendation: Recommendation, reanalyze: (leaveOut: (row: number) => boolean) => Recommendation): TaskDrilldown['robustness'];
