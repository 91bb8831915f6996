/**
 * ab-verdict as a library (`import … from 'ab-verdict'`): read session records, analyse them,
 * render the report. The same code as the CLI and the Action; `analyze` and the renderers are
 * pure (no file system, no network, no clock). Documented in docs/library.md.
 */

// Settings: the user's strings (as flags or Action inputs give them) → a checked configuration.
export { parseInputs, ConfigError, type RawInputs } from './config/parse-inputs.js';
export {
  DEFAULT_CONFIG,
  experimentConfigSchema,
  type ExperimentConfig,
} from './config/experiment-config.js';

// Sessions: result files, folders and globs (or records already in memory) → a session table.
export { readSessions, type ReadOptions, type ReadResult } from './records/read.js';
export { formatProblem } from './records/problems.js';
export { sessionRecordSchema, validateRecord } from './records/schema.js';
export type { LocatedRecord, RecordProblem, SessionRecord, SessionTable } from './records/types.js';

// The analysis: sessions → the report contract v1.
export { analyze, type InputFacts } from './analysis/analyze.js';
export { reportSchema, type Report, type Verdict } from './analysis/report-types.js';

// Reports: terminal text, Markdown (the PR comment and the full report), JSON, HTML.
export { renderTerminal } from './report/terminal.js';
export { renderMarkdown } from './report/markdown.js';
export { renderJson } from './report/json.js';
export { buildComment } from './report/comment.js';
export { renderHtml } from './report/html/html-report.js';
export { standaloneView, type ReportView } from './report/view.js';
