import type { ReportView } from '../view.js';
/**
 * The report as one self-contained HTML page: the verdict and its reasons, the forest plot of
 * every metric, the lift over the looks, the per-task table (sortable), and the method. No
 * request leaves the page (its Content-Security-Policy allows none), it follows the reader's
 * light or dark setting, and it prints.
 */
export declare function renderHtml(view: ReportView): string;
