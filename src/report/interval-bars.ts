import { formatPercent } from '../analysis/format-number.js';
import type { MetricReport, Report } from '../analysis/report-types.js';
import { plainText } from './escape.js';
import { relativeMargin } from './margin.js';

/** Characters of the drawn axis. */
const WIDTH = 41;
/** Changes beyond ±500% are drawn at the edge, with an arrow. */
const MAX_RANGE = 5;

/**
 * Every metric's relative change with its interval, drawn in text on one axis with the margin
 * and zero marked: a forest plot that renders anywhere a code block does (a PR comment, a
 * terminal), meant to stand beside the table that gives the numbers. Metric names keep only
 * plain characters, so nothing can end the code block.
 */
export function intervalBars(report: Report, metrics: readonly MetricReport[]): string[] {
  const drawn = metrics.filter((m) => m.relative.estimate !== null);
  if (drawn.length === 0) return [];
  const margins = drawn.map((m) => relativeMargin(report, m));
  const extent = Math.min(
    MAX_RANGE,
    Math.max(
      0.01,
      ...drawn.flatMap((m) => (m.relative.ci ?? [m.relative.estimate!]).map(Math.abs)),
      ...margins.map((m) => m ?? 0),
    ) * 1.05,
  );
  const labels = drawn.map(
    (m) => `${plain(m.name)}${m.role === 'primary' ? ' ★' : m.role === 'guardrail' ? ' ⚑' : ''}`,
  );
  const pad = Math.max(...labels.map((l) => [...l].length));
  const axis = axisLine(extent);
  return [
    '```text',
    `${' '.repeat(pad)}  ${axis}`,
    ...drawn.map(
      (m, i) =>
        `${labels[i]!.padEnd(pad)}  ${bar(m, margins[i]!, extent)}  ${formatPercent(m.relative.estimate)}${m.relative.ci ? ` [${formatPercent(m.relative.ci[0])}, ${formatPercent(m.relative.ci[1])}]` : ''}`,
    ),
    `${' '.repeat(pad)}  ● change of ${plain(report.treatment)} vs ${plain(report.control)}  ├─┤ ${Math.round((1 - report.analysis.alpha) * 100)}% interval  ┆ margin  │ no change`,
    '```',
  ];
}

function bar(metric: MetricReport, margin: number | null, extent: number): string {
  const cells = Array.from({ length: WIDTH }, () => ' ');
  const at = (x: number) => Math.round(((clamp(x, extent) + extent) / (2 * extent)) * (WIDTH - 1));
  if (margin !== null && margin < extent) {
    cells[at(-margin)] = '┆';
    cells[at(margin)] = '┆';
  }
  cells[at(0)] = '│';
  const estimate = metric.relative.estimate!;
  const ci = metric.relative.ci;
  if (ci) {
    const [lo, hi] = [at(ci[0]), at(ci[1])];
    for (let i = lo; i <= hi; i++) cells[i] = '─';
    cells[lo] = ci[0] < -extent ? '◀' : '├';
    cells[hi] = ci[1] > extent ? '▶' : '┤';
  }
  cells[at(estimate)] = '●';
  return cells.join('');
}

/** `-52%` at the left, `0` in the middle, `+52%` at the right. */
function axisLine(extent: number): string {
  const left = formatPercent(-extent);
  const right = formatPercent(extent);
  const middle = Math.floor((WIDTH - 1) / 2);
  const line = Array.from({ length: WIDTH }, () => ' ');
  [...left].forEach((ch, i) => (line[i] = ch));
  line[middle] = '0';
  [...right].forEach((ch, i) => (line[WIDTH - right.length + i] = ch));
  return line.join('');
}

function clamp(x: number, extent: number): number {
  return Math.max(-extent, Math.min(extent, x));
}

function plain(text: string): string {
  return plainText(text, 40) || '?';
}
