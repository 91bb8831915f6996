import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderHtml } from '../report/html/html-report.js';
import { FULL_DETAIL } from '../report/limits.js';
import { renderJson } from '../report/json.js';
import { renderDocument } from '../report/markdown.js';
import type { ReportView } from '../report/view.js';
import { experimentSlug } from '../store/names.js';

export const REPORT_JSON = 'report.json';
export const REPORT_MARKDOWN = 'report.md';
export const REPORT_HTML = 'report.html';
/** What `post-report` renders from: the view, and the pull request it is for. */
export const REPORT_VIEW = 'report-view.json';

/** `report-view.json`: the view, and the pull request and commit the report belongs to. */
export interface ReportViewFile {
  version: 1;
  view: ReportView;
  pullRequest: number | null;
  headSha: string | null;
}

export interface ReportFiles {
  dir: string;
  json: string;
  markdown: string;
  html: string;
  view: string;
}

/**
 * The report as files for later steps and for the report artifact: the JSON contract, the full
 * Markdown (no size limit), the HTML page, and the view for `post-report`.
 */
export async function writeReportFiles(
  root: string,
  view: ReportView,
  context: { pullRequest: number | null; headSha: string | null },
): Promise<ReportFiles> {
  const dir = join(root, 'ab-verdict', experimentSlug(view.report.experiment));
  await mkdir(dir, { recursive: true });
  const files = {
    dir,
    json: join(dir, REPORT_JSON),
    markdown: join(dir, REPORT_MARKDOWN),
    html: join(dir, REPORT_HTML),
    view: join(dir, REPORT_VIEW),
  };
  const viewFile: ReportViewFile = { version: 1, view, ...context };
  await writeFile(files.json, renderJson(view.report));
  await writeFile(files.markdown, renderDocument(view, FULL_DETAIL, false));
  await writeFile(files.html, renderHtml(view));
  await writeFile(files.view, `${JSON.stringify(viewFile)}\n`);
  return files;
}
