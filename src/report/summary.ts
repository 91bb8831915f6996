import { countBytes, fitToLimit, SUMMARY_LIMIT_BYTES } from './limits.js';
import { renderDocument } from './markdown.js';
import type { ReportView } from './view.js';

/** Room kept under the step's limit for what other steps of the job may have written. */
const SUMMARY_ROOM = 64 * 1024;

/** The job summary: the report with all the detail that fits in GitHub's 1 MiB. */
export function buildSummary(view: ReportView): string {
  return fitToLimit(
    (detail, dropped) => renderDocument(view, detail, dropped),
    countBytes,
    SUMMARY_LIMIT_BYTES - SUMMARY_ROOM,
  ).text;
}
