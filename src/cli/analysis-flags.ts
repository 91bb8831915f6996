import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Report } from '../analysis/report-types.js';
import type { RawInputs } from '../config/parse-inputs.js';
import { standaloneView } from '../report/view.js';
import { renderHtml } from '../report/html/html-report.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderTerminal } from '../report/terminal.js';
import { UsageError } from './usage-error.js';

/** The analysis settings both forms of `analyze` take, and how the report is printed. */
export const ANALYSIS_FLAGS = {
  control: { type: 'string' },
  treatment: { type: 'string' },
  primary: { type: 'string' },
  alpha: { type: 'string' },
  'min-effect': { type: 'string' },
  'equivalence-margin': { type: 'string' },
  'expected-split': { type: 'string' },
  correction: { type: 'string' },
  method: { type: 'string' },
  'expected-sessions': { type: 'string' },
  'guardrail-policy': { type: 'string' },
  segments: { type: 'string' },
  cap: { type: 'string' },
  'chance-to-beat': { type: 'boolean' },
  metrics: { type: 'string' },
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
  tasks: { type: 'boolean' },
  html: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type AnalysisFlagValues = {
  [K in keyof typeof ANALYSIS_FLAGS]?: (typeof ANALYSIS_FLAGS)[K]['type'] extends 'boolean'
    ? boolean
    : string;
};

/** The settings as the config expects them; `--metrics` may name a file, read here. */
export async function analysisInputs(
  values: AnalysisFlagValues,
  cwd: string,
): Promise<Omit<RawInputs, 'experiment' | 'onInvalid'>> {
  if (values.json && values.markdown) {
    throw new UsageError('choose one of --json and --markdown', 'analyze');
  }
  return {
    control: values.control,
    treatment: values.treatment,
    primary: values.primary,
    alpha: values.alpha,
    minEffect: values['min-effect'],
    equivalenceMargin: values['equivalence-margin'],
    expectedSplit: values['expected-split'],
    correction: values.correction,
    method: values.method,
    expectedSessions: values['expected-sessions'],
    guardrailPolicy: values['guardrail-policy'],
    segments: values.segments,
    capPercentile: values.cap,
    chanceToBeat: values['chance-to-beat'] ? 'true' : undefined,
    metrics: values.metrics === undefined ? undefined : await metricsBlock(values.metrics, cwd),
  };
}

/** The report as JSON, Markdown or the terminal table, as the flags ask. */
export function renderReport(report: Report, values: AnalysisFlagValues): string {
  if (values.json) return renderJson(report);
  return values.markdown
    ? renderMarkdown(report)
    : renderTerminal(report, { tasks: values.tasks === true });
}

/** `--html FILE`: the self-contained HTML report, written besides what is printed. */
export async function writeHtml(
  report: Report,
  values: AnalysisFlagValues,
  cwd: string,
): Promise<void> {
  if (values.html === undefined) return;
  const file = resolve(cwd, values.html);
  try {
    await writeFile(file, renderHtml(standaloneView(report)));
  } catch (error) {
    throw new UsageError(
      `--html: cannot write ${JSON.stringify(values.html)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      'analyze',
    );
  }
}

/** `--metrics` takes JSON inline or the path of a JSON file. */
async function metricsBlock(value: string, cwd: string): Promise<RawInputs['metrics']> {
  if (value.trim().startsWith('{')) return { text: value, origin: 'inline' };
  try {
    return { text: await readFile(resolve(cwd, value), 'utf8'), origin: value };
  } catch (error) {
    throw new UsageError(
      `--metrics: expected JSON or the path of a JSON file, cannot read ${JSON.stringify(value)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      'analyze',
    );
  }
}
