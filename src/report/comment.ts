import { COMMENT_LIMIT_CHARACTERS, countCharacters, fitToLimit } from './limits.js';
import { renderDocument } from './markdown.js';
import type { ReportView } from './view.js';

/** Room kept under GitHub's limit for the marker line. */
const MARKER_ROOM = 300;

/**
 * The hidden line that finds an experiment's sticky comment again. Versioned, and keyed by the
 * experiment (URI-encoded, so no name can end the HTML comment or fake another key).
 */
export function commentMarker(experiment: string): string {
  return `<!-- ab-verdict:v1 experiment=${encodeURIComponent(experiment)} -->`;
}

/** The sticky PR comment: the marker, then the report, under GitHub's 65,536 characters. */
export function buildComment(view: ReportView): string {
  const marker = commentMarker(view.report.experiment);
  const { text } = fitToLimit(
    (detail, dropped) => renderDocument(view, detail, dropped),
    countCharacters,
    COMMENT_LIMIT_CHARACTERS - MARKER_ROOM,
  );
  return `${marker}\n${text}`;
}
