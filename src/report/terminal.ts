import { formatPercent, formatPValue } from '../analysis/format-number.js';
import type { Report, SegmentReport } from '../analysis/report-types.js';
import { alignColumns } from './align-columns.js';
import { methodSentence } from './method-sentence.js';
import { taskLines } from './task-lines.js';
import { restsOnSentence } from './task-text.js';
import {
  differenceCell,
  MARK_LEGEND,
  markCell,
  pValueCell,
  pValueFootnote,
  relativeCell,
  valueWithInterval,
  VERDICT_HEADLINES,
} from './metric-cells.js';

/**
 * The compact report for a terminal: one row per metric, the per-task summary (with `tasks`,
 * every task), then the verdict in one sentence.
 */
export function renderTerminal(report: Report, options: { tasks?: boolean } = {}): string {
  const { control, treatment } = report;
  const header = [
    'metric',
    'n',
    control,
    treatment,
    `${treatment} − ${control}`,
    'relative',
    'p',
    '',
  ];
  const rows = report.metrics.map((m) => [
    `${m.name}${m.role === 'primary' ? ' ★' : m.role === 'guardrail' ? ' ⚑' : ''}`,
    `${m.control.n}/${m.treatment.n}`,
    valueWithInterval(m.control.mean, m.control.ci),
    valueWithInterval(m.treatment.mean, m.treatment.ci),
    differenceCell(m),
    relativeCell(m),
    pValueCell(m),
    markCell(m),
  ]);
  const rec = report.recommendation;
  const winner = rec.winner ? ` ${rec.winner}` : '';
  const lines = [
    `${report.experiment}: ${treatment} vs ${control} · ${report.sessions[control] ?? 0} vs ${report.sessions[treatment] ?? 0} sessions · ${intervalLevel(report)} intervals`,
    '',
    ...alignColumns([header, ...rows]),
    '',
    `★ primary  ⚑ guardrail  ${MARK_LEGEND}. ${pValueFootnote(report)}`,
    report.analysis.design,
    ...scaleLines(report),
    methodSentence(report),
    ...chanceLine(report),
    ...report.segments.flatMap(segmentLines),
    ...taskLines(report, options.tasks === true),
    '',
    `${VERDICT_HEADLINES[rec.verdict].toUpperCase()}${winner}: ${rec.reason}`,
    ...(restsOnSentence(report.tasks) ? [`warning: ${restsOnSentence(report.tasks)}`] : []),
    ...report.warnings.map((warning) => `warning: ${warning}`),
  ];
  return lines.join('\n') + '\n';
}

/** Metrics compared on the log scale, and what their columns then mean. */
export function scaleLines(report: Report): string[] {
  const logged = report.metrics.filter((m) => m.scale === 'log').map((m) => m.name);
  if (logged.length === 0) return [];
  return [
    `${logged.join(', ')}: compared on the log scale (the ratio of geometric means); the difference shown is that ratio at ${report.control}'s geometric mean.`,
  ];
}

function chanceLine(report: Report): string[] {
  const primary = report.metrics.find((m) => m.role === 'primary');
  if (primary?.chanceToBeat === null || primary?.chanceToBeat === undefined) return [];
  return [
    `Chance that ${report.treatment} beats ${report.control} on ${primary.name}: ${formatPercent(primary.chanceToBeat, false)} (Bayesian, flat prior).`,
  ];
}

function segmentLines(segment: SegmentReport): string[] {
  const rows = segment.groups.map((g) => [
    `  ${g.value}`,
    `${g.sessions.control}/${g.sessions.treatment}`,
    differenceCell(g),
    relativeCell(g),
    formatPValue(g.adjustedPValue),
    g.direction === 'better' ? '✓' : g.direction === 'worse' ? '✗' : '~',
  ]);
  return [
    '',
    `${segment.metric} by ${segment.field} (p adjusted by Benjamini–Hochberg within the breakdown):`,
    ...(rows.length > 0 ? alignColumns(rows) : ['  no session has a value of this field']),
  ];
}

/** `95%`, or a sequential look's level: `99.4% (sequential, look 3)`. */
export function intervalLevel(report: Report): string {
  const primary = report.metrics.find((m) => m.role === 'primary');
  const level = primary?.difference.level ?? 1 - report.analysis.alpha;
  const percent = `${Number((level * 100).toPrecision(level > 0.999 ? 6 : 3))}%`;
  return report.analysis.method === 'fixed-horizon'
    ? percent
    : `${percent} (${report.analysis.method}${report.analysis.sequential ? `, look ${report.analysis.sequential.look}` : ''})`;
}
