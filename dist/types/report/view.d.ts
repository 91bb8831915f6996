import type { Report } from '../analysis/report-types.js';
/** One earlier look at the experiment, as the store's history keeps it. */
export interface HistoryPoint {
    runId: number | null;
    attempt: number | null;
    sha: string | null;
    time: string;
    sessions: {
        control: number;
        treatment: number;
    };
    verdict: string;
    /** The primary metric's relative lift, treatment over control. */
    lift: {
        estimate: number;
        ci: [number, number] | null;
    } | null;
    method: string;
}
/** What the store did in this run, for the report's details. */
export interface StoreView {
    /** `workflow artifacts ab-verdict-x`, `folder …`, `no store`. */
    description: string;
    read: string[];
    skipped: {
        label: string;
        reason: string;
    }[];
    /** The snapshot this run wrote; null when none was (no store, or the upload failed). */
    written: string | null;
    /**
     * Why this run's sessions could not be stored, when they could not: the report says so at
     * the top. Absent in views written before it existed.
     */
    failure?: string | null;
    /** Sessions of this run's results new to the store. */
    added: number;
    /** Sessions of this run's results the store already held (a re-run attempt). */
    alreadyStored: number;
    /** Per variant: sessions in the analysis that earlier runs stored. */
    fromEarlierRuns: Record<string, number>;
}
/** Everything the Markdown report shows: the analysis, the store, the history of looks. */
export interface ReportView {
    report: Report;
    store: StoreView | null;
    history: HistoryPoint[];
    /** Where the whole report is, named when detail is dropped to fit a limit. */
    fullReport: string | null;
    /** A link to the workflow run that made the report. */
    runUrl: string | null;
}
/** The view of a report on its own: no store, no history of looks, no run to link to. */
export declare function standaloneView(report: Report): ReportView;
