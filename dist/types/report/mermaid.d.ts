import type { HistoryPoint } from './view.js';
/** Points a chart shows at most: the latest ones. */
export declare const CHART_POINTS = 30;
/**
 * A Mermaid `xychart-beta` of the primary metric's relative lift per look, in percent: the
 * estimate and the interval's bounds as three lines. Looks without an interval are left out
 * (the table beside it lists them); null when fewer than two looks remain.
 */
export declare function liftChart(history: readonly HistoryPoint[], metric: string): string[] | null;
