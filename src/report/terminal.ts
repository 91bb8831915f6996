import { formatPercent, formatPValue } from '../analysis/format-number.js';
import type { Report, SegmentReport } from '../analysis/report-types.js';
import { alignColumns } from './align-columns.js';
import { methodSentence } from './method-sentence.js';
import { taskLines } from './task-lines.js';
import { restsOnSentence } from './task-text.js';
import {
  differenceCell,
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
    `${report.experiment}: ${treatment} vs ${control} · ${report.sessions[control] ?? 0} vs ${report.sessions[treatment] ?? 0} sessions · ${Math.round((1 - report.analysis.alpha) * 100)}% intervals`,
    '',
    ...alignColumns([header, ...rows]),
    '',
    `★ primary  ⚑ guardrail  ✓ better  ✗ worse  ~ no significant difference. ${pValueFootnote(report)}`,
    report.analysis.design,
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
    ...alignColumns(rows),
  ];
}
