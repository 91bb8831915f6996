import { formatNumber, formatPValue, pEquals } from '../analysis/format-number.js';
import type { MetricReport, Report } from '../analysis/report-types.js';
import { escapeMarkdown } from './escape.js';
import {
  armCell,
  differenceCell,
  markCell,
  pValueCell,
  pValueFootnote,
  relativeCell,
  roleLabel,
  VERDICT_HEADLINES,
} from './metric-cells.js';

const VERDICT_ICONS: Record<Report['recommendation']['verdict'], string> = {
  adopt: '✅',
  reject: '❌',
  'no-difference': '🟰',
  inconclusive: '⏳',
  'insufficient-data': '🔍',
};

/** The report as GitHub-flavoured Markdown: headline, metric table, warnings, details. */
export function renderMarkdown(report: Report): string {
  const { control, treatment, recommendation: rec } = report;
  const esc = escapeMarkdown;
  const winner = rec.winner ? `: ${esc(rec.winner)}` : '';
  const lines = [
    `### ${VERDICT_ICONS[rec.verdict]} ${VERDICT_HEADLINES[rec.verdict]}${winner} · ${esc(report.experiment)}`,
    '',
    esc(rec.reason),
    '',
    `| metric | role | ${esc(control)} | ${esc(treatment)} | ${esc(treatment)} − ${esc(control)} | relative | p | |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...report.metrics.map(
      (m) =>
        `| ${esc(m.name)} | ${roleLabel(m)} | ${armCell(m.control)} | ${armCell(m.treatment)} | ${differenceCell(m)} | ${relativeCell(m)} | ${pValueCell(m)} | ${markCell(m)} |`,
    ),
    '',
    `<sub>${Math.round((1 - report.analysis.alpha) * 100)}% intervals. ✓ better, ✗ worse, ~ no significant difference. ${pValueFootnote(report)} Sessions: ${esc(control)} ${report.sessions[control] ?? 0}, ${esc(treatment)} ${report.sessions[treatment] ?? 0}.</sub>`,
  ];
  if (rec.sessionsNeeded !== null) {
    lines.push('', `**To decide:** about ${rec.sessionsNeeded} sessions per arm.`);
  }
  if (report.warnings.length > 0) {
    lines.push('', ...report.warnings.map((w) => `> [!WARNING]\n> ${esc(w)}\n`));
  }
  lines.push('', ...details(report));
  return lines.join('\n').trimEnd() + '\n';
}

function details(report: Report): string[] {
  return [
    '<details><summary>Tests and power per metric</summary>',
    '',
    '| metric | test | statistic | df | p (raw) | Mann–Whitney U | p (MW) | sessions needed | detectable effect |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...report.metrics.map(detailRow),
    '',
    ...report.metrics.flatMap((m) =>
      m.notes.map((note) => `- ${escapeMarkdown(m.name)}: ${escapeMarkdown(note)}`),
    ),
    `SRM: χ² = ${formatNumber(report.srm.statistic)}, ${pEquals(report.srm.pValue)} against ${report.srm.expected.map((s) => formatNumber(s)).join('/')}.`,
    '',
    '</details>',
  ];
}

function detailRow(m: MetricReport): string {
  const main = m.tests.welch ?? m.tests.deltaMethod;
  const mde = m.power.minimumDetectableEffect;
  return [
    escapeMarkdown(m.name),
    m.test ?? '—',
    formatNumber(main?.statistic),
    formatNumber(main?.df),
    formatPValue(m.pValue),
    formatNumber(m.tests.mannWhitney?.u),
    formatPValue(m.tests.mannWhitney?.pValue),
    m.power.sessionsNeeded?.toString() ?? '—',
    mde ? formatNumber(mde.absolute) : '—',
  ]
    .join(' | ')
    .replace(/^/, '| ')
    .concat(' |');
}
