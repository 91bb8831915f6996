import type { HistoryPoint } from '../view.js';
/**
 * The primary metric's relative lift at each look the store's history keeps: the estimate as a
 * line over its interval as a band, no change marked. Null with fewer than two looks that have
 * a lift (the band needs intervals; a look without one is drawn as a point).
 */
export declare function liftChart(history: readonly HistoryPoint[], metric: string): string | null;
