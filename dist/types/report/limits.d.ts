/** How much of the report to show; the Markdown drops detail level by level to fit a limit. */
export interface Detail {
    /** Metric table rows (the primary metric and guardrails come first). */
    metricRows: number;
    /** Rows of the history table (the latest). */
    historyRows: number;
    chart: boolean;
    /** The collapsed per-test table. */
    testDetails: boolean;
    /** Per-metric notes listed. */
    notes: number;
    /** Files read, variants and experiments left out. */
    inputDetails: boolean;
    /** Rows of the per-task drill-down (the most influential tasks). */
    taskRows: number;
    /** Store artifacts listed as read or skipped. */
    storeDetails: number;
    warnings: number;
}
/** From everything to the headline alone; the first that fits is used. */
export declare const DETAIL_LEVELS: readonly Detail[];
export declare const FULL_DETAIL: Detail;
/** GitHub refuses a comment body over 65,536 characters (HTTP 422). */
export declare const COMMENT_LIMIT_CHARACTERS = 65536;
/** GitHub drops a step summary over 1 MiB whole. */
export declare const SUMMARY_LIMIT_BYTES: number;
/** GitHub counts characters as code points, not UTF-16 units. */
export declare const countCharacters: (text: string) => number;
export declare const countBytes: (text: string) => number;
/**
 * The first rendering, from the most detailed, whose size is within `limit`; `render` is told
 * whether detail was dropped so that it can say so. Past the last level the text is cut, which
 * the levels are sized never to need.
 */
export declare function fitToLimit(render: (detail: Detail, dropped: boolean) => string, measure: (text: string) => number, limit: number): {
    text: string;
    dropped: boolean;
};
