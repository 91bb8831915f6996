import type { Report } from '../../analysis/report-types.js';
/**
 * The forest plot: every metric's relative change (treatment over control) with its interval,
 * on one axis, with each metric's margin shaded and no change marked. Colours follow the
 * table's marks: better, worse, no significant difference.
 */
export declare function forestPlot(report: Report): string;
