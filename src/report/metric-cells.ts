import { formatNumber, formatPercent, formatPValue } from '../analysis/format-number.js';
import type { ArmSummary, Interval, MetricReport, Report } from '../analysis/report-types.js';

/** `0.121 [0.104, 0.139]`. */
export function valueWithInterval(value: number | null, ci: Interval | null): string {
  if (value === null) return '—';
  return ci
    ? `${formatNumber(value)} [${formatNumber(ci[0])}, ${formatNumber(ci[1])}]`
    : formatNumber(value);
}

export function armCell(arm: ArmSummary): string {
  return `${valueWithInterval(arm.mean, arm.ci)} (n=${arm.n})`;
}

export function differenceCell(metric: Pick<MetricReport, 'difference'>): string {
  const { estimate, ci } = metric.difference;
  if (estimate === null) return '—';
  const signed = (v: number) => (v > 0 ? `+${formatNumber(v)}` : formatNumber(v));
  return ci ? `${signed(estimate)} [${signed(ci[0])}, ${signed(ci[1])}]` : signed(estimate);
}

export function relativeCell(metric: Pick<MetricReport, 'relative'>): string {
  const { estimate, ci } = metric.relative;
  if (estimate === null) return '—';
  return ci
    ? `${formatPercent(estimate)} [${formatPercent(ci[0])}, ${formatPercent(ci[1])}]`
    : formatPercent(estimate);
}

/** The p-value the verdict uses: adjusted for every metric but the primary one. */
export function pValueCell(metric: MetricReport): string {
  return formatPValue(metric.adjustedPValue);
}

/**
 * ✓ significantly better, ✗ significantly worse, ≈ a guardrail shown within its margin, ~ no
 * significant difference.
 */
export function markCell(
  metric: Pick<MetricReport, 'direction'> & Partial<Pick<MetricReport, 'guardrail'>>,
): string {
  if (metric.direction === 'better') return '✓';
  if (metric.direction === 'worse') return '✗';
  return metric.guardrail?.status === 'within-margin' ? '≈' : '~';
}

export const MARK_LEGEND =
  '✓ better  ✗ worse  ≈ guardrail within its margin  ~ no significant difference';

export function roleLabel(metric: MetricReport): string {
  return metric.role === 'primary' ? 'primary' : metric.role === 'guardrail' ? 'guardrail' : '';
}

const CORRECTION_NAMES = { holm: 'Holm', bh: 'Benjamini–Hochberg', none: 'no' } as const;

/** One line on how p was computed, under every table. */
export function pValueFootnote(report: Report): string {
  const correction = report.analysis.correction;
  const secondaries =
    correction === 'none'
      ? 'the secondaries unadjusted'
      : `the secondaries adjusted among themselves (${CORRECTION_NAMES[correction]})`;
  return `p: the primary metric's as tested; "worse" for the primary metric and the guardrails adjusted together (Holm, one-sided, at half of alpha); ${secondaries}. Intervals are each metric's own.`;
}

export const VERDICT_HEADLINES: Record<Report['recommendation']['verdict'], string> = {
  adopt: 'Adopt',
  reject: 'Reject',
  'no-difference': 'No difference',
  inconclusive: 'Inconclusive',
  'insufficient-data': 'Insufficient data',
};
