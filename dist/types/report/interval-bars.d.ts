import type { MetricReport, Report } from '../analysis/report-types.js';
/**
 * Every metric's relative change with its interval, drawn in text on one axis with the margin
 * and zero marked: a forest plot that renders anywhere a code block does (a PR comment, a
 * terminal), meant to stand beside the table that gives the numbers. Metric names keep only
 * plain characters, so nothing can end the code block.
 */
export declare function intervalBars(report: Report, metrics: readonly MetricReport[]): string[];
