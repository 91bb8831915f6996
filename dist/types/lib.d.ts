/**
 * ab-verdict as a library (`import … from 'ab-verdict'`): read session records, analyse them,
 * render the report. The same code as the CLI and the Action; `analyze` and the renderers are
 * pure (no file system, no network, no clock). Documented in docs/library.md.
 */
export { parseInputs, ConfigError, type RawInputs } from './config/parse-inputs.js';
export { DEFAULT_CONFIG, experimentConfigSchema, type ExperimentConfig, } from './config/experiment-config.js';
export { readSessions, type ReadOptions, type ReadResult } from './records/read.js';
export { formatProblem } from './records/problems.js';
export { sessionRecordSchema, validateRecord } from './records/schema.js';
export type { LocatedRecord, RecordProblem, SessionRecord, SessionTable } from './records/types.js';
export { analyze, type InputFacts } from './analysis/analyze.js';
export { reportSchema, type Report, type Verdict } from './analysis/report-types.js';
export { renderTerminal } from './report/terminal.js';
export { renderMarkdown } from './report/markdown.js';
export { renderJson } from './report/json.js';
export { buildComment } from './report/comment.js';
export { renderHtml } from './report/html/html-report.js';
export { standaloneView, type ReportView } from './report/view.js';
