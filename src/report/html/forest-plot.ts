import { formatPercent } from '../../analysis/format-number.js';
import type { MetricReport, Report } from '../../analysis/report-types.js';
import { relativeMargin } from '../margin.js';
import { escapeHtml, px } from './escape-html.js';
import { linearScale } from './scale.js';

const WIDTH = 760;
const LABEL = 210;
const VALUES = 170;
const ROW = 34;
const TOP = 30;
const BOTTOM = 36;
/** Changes beyond ±500% are drawn at the edge. */
const MAX_RANGE = 5;

/**
 * The forest plot: every metric's relative change (treatment over control) with its interval,
 * on one axis, with each metric's margin shaded and no change marked. Colours follow the
 * table's marks: better, worse, no significant difference.
 */
export function forestPlot(report: Report): string {
  const metrics = report.metrics.filter((m) => m.relative.estimate !== null);
  if (metrics.length === 0) {
    return '<p class="muted">No metric has a relative change to plot (the control is 0).</p>';
  }
  const margins = metrics.map((m) => relativeMargin(report, m));
  const values = metrics.flatMap((m) => m.relative.ci ?? [m.relative.estimate!]);
  const extent = Math.min(
    MAX_RANGE,
    Math.max(0.01, ...values.map(Math.abs), ...margins.map((m) => m ?? 0)),
  );
  const scale = linearScale(-extent, extent, LABEL, WIDTH - VALUES);
  const clamp = (v: number) => Math.max(scale.min, Math.min(scale.max, v));
  const x = (v: number) => scale.at(clamp(v));
  const height = TOP + metrics.length * ROW + BOTTOM;
  const plotBottom = TOP + metrics.length * ROW;

  const grid = scale.ticks.map(
    (t) =>
      `<line class="grid" x1="${px(x(t))}" x2="${px(x(t))}" y1="${TOP}" y2="${plotBottom}"/><text class="tick" x="${px(x(t))}" y="${plotBottom + 16}" text-anchor="middle">${escapeHtml(formatPercent(t))}</text>`,
  );
  const rows = metrics.map((m, i) => metricRow(m, margins[i]!, TOP + i * ROW + ROW / 2, x));
  const level = Math.round((1 - report.analysis.alpha) * 100);
  return [
    `<svg id="forest-plot" class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="forest-title">`,
    `<title id="forest-title">Relative change of every metric, ${escapeHtml(report.treatment)} over ${escapeHtml(report.control)}, with ${level}% intervals and the margins</title>`,
    `<text class="axis-title" x="${px(scale.at(0))}" y="16" text-anchor="middle">change of ${escapeHtml(report.treatment)} vs ${escapeHtml(report.control)} (${level}% interval)</text>`,
    ...grid,
    `<line class="zero" x1="${px(x(0))}" x2="${px(x(0))}" y1="${TOP - 4}" y2="${plotBottom}"/>`,
    ...rows,
    `<text class="tick" x="${LABEL}" y="${height - 4}">shaded: margin</text>`,
    '</svg>',
  ].join('\n');
}

function metricRow(
  metric: MetricReport,
  margin: number | null,
  y: number,
  x: (v: number) => number,
): string {
  const estimate = metric.relative.estimate!;
  const ci = metric.relative.ci;
  const role = metric.role === 'primary' ? ' ★' : metric.role === 'guardrail' ? ' ⚑' : '';
  const label = metric.name.length > 26 ? `${metric.name.slice(0, 25)}…` : metric.name;
  const value = `${formatPercent(estimate)}${ci ? ` [${formatPercent(ci[0])}, ${formatPercent(ci[1])}]` : ''}`;
  const parts = [
    `<g class="row ${metric.direction}"><title>${escapeHtml(`${metric.name}: ${value}`)}</title>`,
    `<text class="label" x="0" y="${px(y + 4)}">${escapeHtml(label)}${role}</text>`,
  ];
  if (margin !== null) {
    parts.push(
      `<rect class="margin" x="${px(x(-margin))}" y="${px(y - ROW / 2 + 3)}" width="${px(x(margin) - x(-margin))}" height="${ROW - 6}"/>`,
    );
  }
  if (ci) {
    const [lo, hi] = [x(ci[0]), x(ci[1])];
    parts.push(
      `<line class="interval" x1="${px(lo)}" x2="${px(hi)}" y1="${px(y)}" y2="${px(y)}"/>`,
      `<line class="interval" x1="${px(lo)}" x2="${px(lo)}" y1="${px(y - 6)}" y2="${px(y + 6)}"/>`,
      `<line class="interval" x1="${px(hi)}" x2="${px(hi)}" y1="${px(y - 6)}" y2="${px(y + 6)}"/>`,
    );
  }
  parts.push(
    `<circle class="estimate" cx="${px(x(estimate))}" cy="${px(y)}" r="5"/>`,
    `<text class="value" x="${WIDTH - VALUES + 10}" y="${px(y + 4)}">${escapeHtml(value)}</text>`,
    '</g>',
  );
  return parts.join('');
}
