import { plainText } from './escape.js';
import type { HistoryPoint } from './view.js';

/** Points a chart shows at most: the latest ones. */
export const CHART_POINTS = 30;

/**
 * A Mermaid `xychart-beta` of the primary metric's relative lift per look, in percent: the
 * estimate and the interval's bounds as three lines. Looks without an interval are left out
 * (the table beside it lists them); null when fewer than two looks remain.
 */
export function liftChart(history: readonly HistoryPoint[], metric: string): string[] | null {
  const numbered = history.map((point, index) => ({ point, look: index + 1 }));
  const charted = numbered.filter(({ point }) => point.lift?.ci != null).slice(-CHART_POINTS);
  if (charted.length < 2) return null;
  const series = (pick: (lift: { estimate: number; ci: [number, number] }) => number) =>
    `[${charted.map(({ point }) => percent(pick(point.lift as { estimate: number; ci: [number, number] }))).join(', ')}]`;
  return [
    '```mermaid',
    'xychart-beta',
    `  title "Relative lift of ${mermaidText(metric)} per look (%)"`,
    `  x-axis [${charted.map(({ look }) => `"${look}"`).join(', ')}]`,
    '  y-axis "lift (%)"',
    `  line ${series((lift) => lift.estimate)}`,
    `  line ${series((lift) => lift.ci[0])}`,
    `  line ${series((lift) => lift.ci[1])}`,
    '```',
  ];
}

function percent(fraction: number): string {
  return Number.isFinite(fraction) ? (Math.round(fraction * 1000) / 10).toString() : '0';
}

/** Inside a Mermaid string only plain characters: nothing can end the string or the block. */
function mermaidText(text: string): string {
  return plainText(text, 60) || 'the primary metric';
}
