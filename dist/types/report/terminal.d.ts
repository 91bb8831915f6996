import type { Report } from '../analysis/report-types.js';
/**
 * The compact report for a terminal: one row per metric, the per-task summary (with `tasks`,
 * every task), then the verdict in one sentence.
 */
export declare function renderTerminal(report: Report, options?: {
    tasks?: boolean;
}): string;
/** Metrics compared on the log scale, and what their columns then mean. */
export declare function scaleLines(report: Report): string[];
/** `95%`, or a sequential look's level: `99.4% (sequential, look 3)`. */
export declare function intervalLevel(report: Report): string;
