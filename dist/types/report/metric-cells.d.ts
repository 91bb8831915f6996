import type { ArmSummary, Interval, MetricReport, Report } from '../analysis/report-types.js';
/** `0.121 [0.104, 0.139]`. */
export declare function valueWithInterval(value: number | null, ci: Interval | null): string;
export declare function armCell(arm: ArmSummary): string;
export declare function differenceCell(metric: Pick<MetricReport, 'difference'>): string;
export declare function relativeCell(metric: Pick<MetricReport, 'relative'>): string;
/** The p-value the verdict uses: adjusted for every metric but the primary one. */
export declare function pValueCell(metric: MetricReport): string;
/**
 * ✓ significantly better, ✗ significantly worse, ≈ a guardrail shown within its margin, ~ no
 * significant difference.
 */
export declare function markCell(metric: Pick<MetricReport, 'direction'> & Partial<Pick<MetricReport, 'guardrail'>>): string;
export declare const MARK_LEGEND = "\u2713 better  \u2717 worse  \u2248 guardrail within its margin  ~ no significant difference";
export declare function roleLabel(metric: MetricReport): string;
/** One line on how p was computed, under every table. */
export declare function pValueFootnote(report: Report): string;
export declare const VERDICT_HEADLINES: Record<Report['recommendation']['verdict'], string>;
