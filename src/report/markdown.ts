import { formatNumber, formatPercent, formatPValue, pEquals } from '../analysis/format-number.js';
import type { MetricReport, Report } from '../analysis/report-types.js';
import { escapeClamped } from './escape.js';
import { methodSentence, testLabel } from './method-sentence.js';
import { historyTable } from './history.js';
import { FULL_DETAIL, type Detail } from './limits.js';
import {
  armCell,
  differenceCell,
  markCell,
  pValueCell,
  pValueFootnote,
  relativeCell,
  roleLabel,
  valueWithInterval,
  VERDICT_HEADLINES,
} from './metric-cells.js';
import { intervalBars } from './interval-bars.js';
import { liftChart } from './mermaid.js';
import { taskDetails } from './task-details.js';
import { restsOnSentence } from './task-text.js';
import type { ReportView, StoreView } from './view.js';

const VERDICT_ICONS: Record<Report['recommendation']['verdict'], string> = {
  adopt: '✅',
  reject: '❌',
  'no-difference': '🟰',
  inconclusive: '⏳',
  'insufficient-data': '🔍',
};

/** Longest text kept from a result file, by kind: long strings cannot crowd out the rest. */
const NAME = 100;
const SENTENCE = 1000;
/** A link target that cannot end the link or carry markup. */
const SAFE_URL = /^https?:\/\/[\w.:/-]+$/;
const name = (text: string) => escapeClamped(text, NAME);
const sentence = (text: string) => escapeClamped(text, SENTENCE);

/** The report alone as GitHub-flavoured Markdown, everything shown (the CLI's `--markdown`). */
export function renderMarkdown(report: Report): string {
  return renderDocument(
    { report, store: null, history: [], fullReport: null, runUrl: null },
    FULL_DETAIL,
    false,
  );
}

/**
 * The report, the store and the history as Markdown at a level of detail: headline and reason,
 * metric table, sessions, what it takes to decide, warnings, the lift over the looks, and
 * collapsed details. `dropped` adds the line that says detail was left out and where it is.
 */
export function renderDocument(view: ReportView, detail: Detail, dropped: boolean): string {
  const { report } = view;
  const rec = report.recommendation;
  const winner = rec.winner ? `: ${name(rec.winner)}` : '';
  const failure = view.store?.failure;
  const lines = [
    `### ${VERDICT_ICONS[rec.verdict]} ${VERDICT_HEADLINES[rec.verdict]}${winner} · ${name(report.experiment)}`,
    '',
    ...(failure ? [`> [!CAUTION]\n> ${sentence(failure)}`, ''] : []),
    sentence(rec.reason),
    ...restsOn(report),
    '',
    ...metricTable(report, detail.metricRows),
    '',
    `<sub>${Math.round((1 - report.analysis.alpha) * 100)}% intervals. ✓ better, ✗ worse, ~ no significant difference. ${pValueFootnote(report)} ${sessionsSentence(report, view.store)}</sub>`,
  ];
  if (detail.chart)
    append(lines, ['', ...intervalBars(report, rowsToShow(report.metrics, detail.metricRows))]);
  append(lines, designLines(report));
  if (typeof rec.sessionsNeeded === 'number') {
    lines.push('', `**To decide:** about ${rec.sessionsNeeded} sessions per arm.`);
  }
  append(lines, warnings(report.warnings, detail.warnings));
  append(lines, history(view, detail));
  append(lines, ['', ...taskDetails(report, detail.taskRows, view.fullReport)]);
  if (detail.testDetails) append(lines, segmentDetails(report));
  if (detail.testDetails || detail.notes > 0) append(lines, ['', ...testDetails(report, detail)]);
  if (detail.inputDetails) append(lines, ['', ...inputDetails(report)]);
  if (view.store && detail.storeDetails > 0) {
    append(lines, ['', ...storeDetails(view.store, detail.storeDetails)]);
  }
  if (dropped) {
    lines.push(
      '',
      `> [!NOTE]\n> Some detail was left out to fit GitHub's size limit.${view.fullReport ? ` The full report is ${view.fullReport}.` : ''}`,
    );
  }
  if (view.runUrl && SAFE_URL.test(view.runUrl)) {
    lines.push('', `<sub>ab-verdict · [workflow run](${view.runUrl})</sub>`);
  }
  return lines.join('\n').trimEnd() + '\n';
}

/** A verdict that one task or category carries says so under the reason. */
function restsOn(report: Report): string[] {
  const text = restsOnSentence(report.tasks);
  return text ? ['', `> [!WARNING]\n> ${sentence(text)}`] : [];
}

/** `lines.push(...more)` for any length: a spread of 100,000 lines overflows the call stack. */
function append(lines: string[], more: readonly string[]): void {
  for (const line of more) lines.push(line);
}

function metricTable(report: Report, maxRows: number): string[] {
  const { control, treatment } = report;
  const shown = rowsToShow(report.metrics, maxRows);
  const lines = [
    `| metric | role | ${name(control)} | ${name(treatment)} | ${name(treatment)} − ${name(control)} | relative | p | |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...shown.map(
      (m) =>
        `| ${name(m.name)} | ${roleLabel(m)} | ${armCell(m.control)} | ${armCell(m.treatment)} | ${differenceCell(m)} | ${relativeCell(m)} | ${pValueCell(m)} | ${markCell(m)} |`,
    ),
  ];
  const hidden = report.metrics.length - shown.length;
  if (hidden > 0) lines.push('', `<sub>${hidden} more metrics are in the full report.</sub>`);
  return lines;
}

/** The primary metric, then guardrails, then the rest, up to `maxRows`, in the report's order. */
function rowsToShow(metrics: readonly MetricReport[], maxRows: number): MetricReport[] {
  if (metrics.length <= maxRows) return [...metrics];
  const rank = (m: MetricReport) => (m.role === 'primary' ? 0 : m.role === 'guardrail' ? 1 : 2);
  const kept = new Set(
    metrics
      .map((metric, index) => ({ metric, index }))
      .sort((a, b) => rank(a.metric) - rank(b.metric) || a.index - b.index)
      .slice(0, maxRows)
      .map(({ metric }) => metric),
  );
  return metrics.filter((metric) => kept.has(metric));
}

/** `Sessions: cold 60 (40 from earlier runs), warm 58 (38 from earlier runs).` */
function sessionsSentence(report: Report, store: StoreView | null): string {
  const arm = (variant: string) => {
    const from = store ? ` (${store.fromEarlierRuns[variant] ?? 0} from earlier runs)` : '';
    return `${name(variant)} ${report.sessions[variant] ?? 0}${from}`;
  };
  const plural = store?.added === 1 ? '' : 's';
  const added = !store
    ? ''
    : store.failure
      ? ` This run's ${store.added} new session${plural} could not be stored.`
      : ` This run added ${store.added} new session${plural}${store.alreadyStored > 0 ? `; ${store.alreadyStored} of its results were already stored` : ''}.`;
  return `Sessions: ${arm(report.control)}, ${arm(report.treatment)}.${added}`;
}

function warnings(all: readonly string[], max: number): string[] {
  const shown = all.slice(0, max);
  const lines = shown.flatMap((w) => ['', `> [!WARNING]\n> ${sentence(w)}`]);
  if (all.length > shown.length) {
    lines.push('', `<sub>${all.length - shown.length} more warnings are in the full report.</sub>`);
  }
  return lines;
}

function history(view: ReportView, detail: Detail): string[] {
  if (view.history.length === 0 || (detail.historyRows === 0 && !detail.chart)) return [];
  const primary = view.report.metrics.find((m) => m.role === 'primary')?.name ?? 'primary metric';
  const chart = detail.chart ? liftChart(view.history, primary) : null;
  const table = detail.historyRows > 0 ? historyTable(view.history, detail.historyRows) : [];
  if (!chart && table.length === 0) return [];
  return [
    '',
    `#### ${name(primary)}: relative lift over the looks`,
    ...(chart
      ? [
          '',
          ...chart,
          '',
          "<sub>Lines: the estimate, then the interval's lower and upper bound.</sub>",
        ]
      : []),
    ...(table.length > 0 ? ['', ...table] : []),
  ];
}

/** How the primary metric was compared, and the chance to beat when asked for. */
function designLines(report: Report): string[] {
  const lines: string[] = [];
  const text = [report.analysis.design, methodSentence(report)].filter(Boolean).map(sentence);
  lines.push('', `<sub>${text.join(' ')}</sub>`);
  const primary = report.metrics.find((m) => m.role === 'primary');
  if (primary && typeof primary.chanceToBeat === 'number') {
    lines.push(
      '',
      `Chance that ${name(report.treatment)} beats ${name(report.control)} on ${name(primary.name)}: ${formatPercent(primary.chanceToBeat, false)}.`,
    );
  }
  return lines;
}

const MARKS = { better: '✓', worse: '✗', none: '~' } as const;

/** The primary metric by segment, one collapsed table per field. */
function segmentDetails(report: Report): string[] {
  return (report.segments ?? []).flatMap((segment) => [
    '',
    `<details><summary>${name(segment.metric)} by ${name(segment.field)}</summary>`,
    '',
    `| ${name(segment.field)} | sessions | ${name(report.control)} | ${name(report.treatment)} | relative | p (BH) | |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...segment.groups
      .slice(0, 50)
      .map(
        (g) =>
          `| ${name(g.value)} | ${g.sessions.control} / ${g.sessions.treatment} | ${valueWithInterval(g.control.mean, g.control.ci)} | ${valueWithInterval(g.treatment.mean, g.treatment.ci)} | ${relativeCell(g)} | ${formatPValue(g.adjustedPValue)} | ${MARKS[g.direction]} |`,
      ),
    '',
    '</details>',
  ]);
}

function testDetails(report: Report, detail: Detail): string[] {
  const lines = ['<details><summary>Tests and power per metric</summary>', ''];
  if (detail.testDetails) {
    lines.push(
      '| metric | p from | p | p adjusted | Welch t (df) | p (Welch) | Mann–Whitney U | p (MW) | Fisher p | sessions needed | detectable effect |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...report.metrics.map(detailRow),
      '',
    );
  }
  const notes = report.metrics.flatMap((m) =>
    m.notes.map((note) => `- ${name(m.name)}: ${sentence(note)}`),
  );
  append(lines, notes.slice(0, detail.notes));
  if (notes.length > detail.notes && detail.notes > 0) {
    lines.push(`- … and ${notes.length - detail.notes} more notes in the full report`);
  }
  if (notes.length > 0 && detail.notes > 0) lines.push('');
  lines.push(
    `SRM: χ² = ${formatNumber(report.srm.statistic)}, ${pEquals(report.srm.pValue)} against ${report.srm.expected.map((s) => formatNumber(s)).join('/')}.`,
    '',
    '</details>',
  );
  return lines;
}

function detailRow(m: MetricReport): string {
  const welch = m.tests.welch ?? m.tests.deltaMethod;
  const mde = m.power.minimumDetectableEffect;
  const cells = [
    name(m.name),
    testLabel(m),
    formatPValue(m.pValue),
    formatPValue(m.adjustedPValue),
    welch ? `${formatNumber(welch.statistic)} (${formatNumber(welch.df)})` : '—',
    formatPValue(welch?.pValue),
    formatNumber(m.tests.mannWhitney?.u),
    formatPValue(m.tests.mannWhitney?.pValue),
    formatPValue(m.tests.fisher?.pValue),
    formatNumber(m.power.sessionsNeeded),
    mde ? formatNumber(mde.absolute) : '—',
  ];
  return `| ${cells.join(' | ')} |`;
}

function inputDetails(report: Report): string[] {
  const { input } = report;
  const counted = (entries: Record<string, number>) =>
    Object.entries(entries)
      .slice(0, 20)
      .map(([key, n]) => `${name(key)} (${n})`)
      .join(', ') || 'none';
  const files = input.files.slice(0, 20).map((file) => escapeClamped(file, 200));
  const moreFiles =
    input.files.length > files.length ? `, … ${input.files.length - files.length} more` : '';
  return [
    '<details><summary>Input</summary>',
    '',
    `- Result files of this run (${input.files.length}): ${files.join(', ') || 'none'}${moreFiles}`,
    `- Records read: ${input.recordsRead}; invalid records skipped: ${input.skippedInvalid}`,
    `- Duplicates: ${input.duplicates.identical} identical, ${input.duplicates.conflicting} conflicting${input.duplicates.conflictingIds.length > 0 ? ` (${input.duplicates.conflictingIds.slice(0, 20).map(name).join(', ')})` : ''}`,
    `- Other variants left out: ${counted(input.otherVariants)}`,
    `- Other experiments left out: ${counted(input.otherExperiments)}`,
    '',
    '</details>',
  ];
}

function storeDetails(store: StoreView, max: number): string[] {
  const list = (items: string[]) => [
    ...items.slice(0, max).map((item) => `  - ${item}`),
    ...(items.length > max ? [`  - … ${items.length - max} more`] : []),
  ];
  return [
    '<details><summary>Store</summary>',
    '',
    `- Where: ${escapeClamped(store.description, 200)}`,
    `- Read (${store.read.length}):`,
    ...list(store.read.map((label) => escapeClamped(label, 200))),
    `- Skipped (${store.skipped.length}):`,
    ...list(store.skipped.map((s) => `${escapeClamped(s.label, 200)}: ${sentence(s.reason)}`)),
    `- Written: ${store.written ? escapeClamped(store.written, 200) : store.failure ? `nothing: ${sentence(store.failure)}` : 'nothing'}`,
    '',
    '</details>',
  ];
}
