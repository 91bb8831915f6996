import type { ReportView } from './view.js';
/**
 * The hidden line that finds an experiment's sticky comment again. Versioned, and keyed by the
 * experiment (URI-encoded, so no name can end the HTML comment or fake another key).
 */
export declare function commentMarker(experiment: string): string;
/** The sticky PR comment: the marker, then the report, under GitHub's 65,536 characters. */
export declare function buildComment(view: ReportView): string;
