import type { Report } from '../analysis/report-types.js';
import { type Detail } from './limits.js';
import type { ReportView } from './view.js';
/** The report alone as GitHub-flavoured Markdown, everything shown (the CLI's `--markdown`). */
export declare function renderMarkdown(report: Report): string;
/**
 * The report, the store and the history as Markdown at a level of detail: headline and reason,
 * metric table, sessions, what it takes to decide, warnings, the lift over the looks, and
 * collapsed details. `dropped` adds the line that says detail was left out and where it is.
 */
export declare function renderDocument(view: ReportView, detail: Detail, dropped: boolean): string;
