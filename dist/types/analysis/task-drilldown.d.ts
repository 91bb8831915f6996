import type { ExperimentConfig } from '../config/experiment-config.js';
import type { SessionTable } from '../records/types.js';
import type { MetricDefinition } from './metric-definitions.js';
import type { Recommendation } from './report-types.js';
import type { TaskDrilldown } from './task-drilldown-types.js';
/** Rows the report lists at most; the least influential tasks beyond it are only counted. */
export declare const ROW_LIMIT = 5000;
/**
 * The primary metric task by task, from the sessions themselves: each task's value per arm, the
 * paired difference and who won it, which tasks flipped or are flaky, pass@k, and whether the
 * verdict survives leaving out its most influential tasks (`reanalyze` gives the
 * recommendation of the same metrics without the rows it picks). Null unless some task ran in both arms.
 */
export declare function taskDrilldown(table: SessionTable, definitions: readonly MetricDefinition[], config: ExperimentConfig, recommendation: Recommendation, reanalyze: (leaveOut: (row: number) => boolean) => Recommendation): TaskDrilldown | null;
