import type { Report } from '../analysis/report-types.js';
import type { HistoryPoint } from './view.js';
/** This run's look at the experiment, for the store's history. */
export declare function historyPointOf(report: Report, run: {
    runId: number | null;
    attempt: number | null;
    sha: string | null;
    time: Date;
}): HistoryPoint;
/** The sessions (both arms) of each earlier look, for the sequential design's boundary. */
export declare function looksOf(history: readonly Pick<HistoryPoint, 'sessions'>[]): number[];
/** `6001`, or `6001 (attempt 2)`. */
export declare function runLabel(point: HistoryPoint): string;
/** The history as a table, the last `rows` looks, numbered as in the chart. */
export declare function historyTable(history: readonly HistoryPoint[], rows: number): string[];
