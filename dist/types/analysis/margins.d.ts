import type { ExperimentConfig } from '../config/experiment-config.js';
import type { MetricDefinition } from './metric-definitions.js';
import type { MetricReport } from './report-types.js';
/**
 * A metric's margin of equivalence and non-inferiority. A margin is a share of the control's value,
 * so it is read on the relative interval (the ratio's, from the same test), which keeps its
 * coverage where rates and durations change by proportions. Where there is no relative interval (a
 * control of 0, or one not distinguishable from 0) or the user set only an absolute margin, it is
 * read on the difference in the metric's units: the relative margin times the control's value, or,
 * when the control is 0 (a relative margin of 0 would prove nothing), the absolute margin: the
 * configured one, else for proportions and rates a tenth of the relative margin (1 percentage point
 * at the default 10%), else the relative margin of the treatment's value. Null when none can be set.
 */
export interface Margin {
    relative: number;
    /** In the difference's units; null when no margin applies (say why with `missing`). */
    absolute: number | null;
    /** The interval to compare with the margin: the relative one (log scale) or the difference. */
    on: 'relative' | 'difference';
    missing?: string;
}
export declare function marginOf(metric: MetricReport, definition: MetricDefinition, config: ExperimentConfig): Margin;
/** The interval's harmful end (for a guardrail) in the units the margin is in. */
export declare function harmfulEnd(metric: MetricReport, margin: Margin): number | null;
/** The margin's bound on the harmful side, in the same units as `harmfulEnd`. */
export declare function harmfulLimit(metric: MetricReport, margin: Margin): number | null;
/** The interval lies strictly inside ±margin. */
export declare function withinMargin(metric: MetricReport, margin: Margin): boolean;
