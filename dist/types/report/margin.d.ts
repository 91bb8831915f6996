import type { MetricReport, Report } from '../analysis/report-types.js';
/**
 * The margin a metric's change is judged against, as a fraction of the control's value (0.1 =
 * ±10%), for the charts. The metric's own margin when the report gives one (an absolute
 * `margin`, in the metric's units), else the analysis's equivalence margin, which is relative
 * to the control. The one place that knows where margins live.
 */
export declare function relativeMargin(report: Report, metric: MetricReport): number | null;
