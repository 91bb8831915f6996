import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import ms from 'ms';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type * as z from 'zod';
import { ConfigError, type RawInputs } from '../config/parse-inputs.js';
import type { FormatName } from '../config/source-settings.js';
import { experimentFileSchema, type ExperimentFile } from './experiment-schema.js';

export interface Task {
  id: string;
  prompt: string;
  /** Absolute paths, copied into each session's working directory. */
  files: string[];
  args: string[];
  category?: string;
  difficulty?: string;
}

export interface Variant {
  name: string;
  command: string[];
  env: Record<string, string>;
  /** Absolute path of the warm-up context file, if any. */
  context?: string;
}

/** An experiment file made ready to run: defaults filled in, paths absolute, control first. */
export interface Experiment {
  /** The file as the user named it, for messages. */
  file: string;
  experiment: string;
  seed?: number;
  repetitions: number;
  concurrency: number;
  timeoutMs: number;
  retries: number;
  infraExitCodes: number[];
  timeoutIsInfra: boolean;
  tasks: Task[];
  /** The control, then the treatment. */
  variants: [Variant, Variant];
  /** Where metrics come from when the command writes no result file. */
  logs?: { patterns: string[]; from: FormatName | 'auto' };
  /** The analysis settings of the file, for `parseInputs`, and how the file names them. */
  analysis: RawInputs;
}

const DEFAULT_TIMEOUT = '30m';

/**
 * Reads and checks an experiment file (YAML, or JSON, which YAML reads too). Every problem is
 * reported at once, each as `file:line: field: what was expected`, as a `ConfigError`.
 */
export async function loadExperiment(path: string, cwd: string): Promise<Experiment> {
  const absolute = resolve(cwd, path);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError([`${path}: cannot read the experiment file (${code})`]);
  }
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  if (document.errors.length > 0) {
    throw new ConfigError(
      document.errors.map((error) => {
        const line = error.linePos?.[0].line;
        // The message ends with the line and column, and a picture of them: the path says where.
        const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:$/, '');
        return `${path}${line === undefined ? '' : `:${line}`}: ${message}`;
      }),
    );
  }
  const parsed = experimentFileSchema.safeParse(document.toJS());
  if (!parsed.success) {
    const located = parsed.error.issues.map((issue) => locatedIssue(issue, document, lines));
    throw new ConfigError(
      located
        .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
        .map(({ line, text }) => `${path}${line === undefined ? '' : `:${line}`}: ${text}`),
    );
  }
  return experimentOf(parsed.data, path, dirname(absolute));
}

function experimentOf(file: ExperimentFile, path: string, dir: string): Experiment {
  const entries = Object.entries(file.variants);
  const control = file.control ?? entries[0]![0];
  if (!(control in file.variants)) {
    throw new ConfigError([
      `${path}: control: expected one of the variants (${entries.map(([name]) => name).join(', ')}), got ${JSON.stringify(control)}`,
    ]);
  }
  const variants = entries
    .sort(([a], [b]) => Number(b === control) - Number(a === control))
    .map(([name, variant]): Variant => ({
      name,
      command: variant.command.map((arg) => fromFileFolder(arg, dir)),
      env: variant.env ?? {},
      ...(variant.context !== undefined && { context: resolve(dir, variant.context) }),
    })) as [Variant, Variant];
  const duplicate = file.tasks.find((task, i) => file.tasks.findIndex((t) => t.id === task.id) < i);
  if (duplicate) {
    throw new ConfigError([`${path}: tasks: the id ${JSON.stringify(duplicate.id)} is used twice`]);
  }
  const timeout = file.timeout ?? DEFAULT_TIMEOUT;
  const logs = file.metrics?.logs;
  return {
    file: path,
    experiment: file.experiment,
    ...(file.seed !== undefined && { seed: file.seed }),
    repetitions: file.repetitions ?? 1,
    concurrency: file.concurrency ?? 1,
    timeoutMs: typeof timeout === 'number' ? timeout * 1000 : ms(timeout as ms.StringValue),
    retries: file.retries ?? 0,
    infraExitCodes: file['infra-exit-codes'] ?? [],
    timeoutIsInfra: file['timeout-is-infra'] ?? false,
    tasks: file.tasks.map((task) => ({
      id: task.id,
      prompt: task.prompt,
      files: (task.files ?? []).map((file) => resolve(dir, file)),
      args: (task.args ?? []).map((arg) => fromFileFolder(arg, dir)),
      ...(task.category !== undefined && { category: task.category }),
      ...(task.difficulty !== undefined && { difficulty: task.difficulty }),
    })),
    variants,
    ...(logs !== undefined && {
      logs: {
        patterns: (typeof logs === 'string' ? [logs] : logs).map((pattern) =>
          pattern.startsWith('~/') ? resolve(homedir(), pattern.slice(2)) : pattern,
        ),
        from: file.metrics?.from ?? 'auto',
      },
    }),
    analysis: analysisInputs(file, control, variants[1].name, path),
  };
}

/** The file's analysis settings as `parseInputs` takes them (strings). */
function analysisInputs(
  file: ExperimentFile,
  control: string,
  treatment: string,
  path: string,
): RawInputs {
  const analysis = file.analysis ?? {};
  const text = (value: number | string | undefined) =>
    value === undefined ? undefined : String(value);
  return {
    experiment: file.experiment,
    control,
    treatment,
    primary: analysis.primary,
    alpha: text(analysis.alpha),
    minEffect: text(analysis['min-effect']),
    equivalenceMargin: text(analysis['equivalence-margin']),
    correction: analysis.correction,
    method: analysis.method,
    ...(analysis.metrics !== undefined && {
      metrics: { text: JSON.stringify(analysis.metrics), origin: `${path}: analysis.metrics` },
    }),
  };
}

/** `tasks[1].prompt: message`, and the line of the issue's path in the document. */
function locatedIssue(
  issue: z.core.$ZodIssue,
  document: Document.Parsed,
  lines: LineCounter,
): { line: number | undefined; text: string } {
  const field = issue.path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    '',
  );
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    message = `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.join(', ')}`;
  } else if (issue.code === 'invalid_type' && issue.input === undefined) {
    message = `missing: expected ${issue.expected === 'string' ? 'a string' : issue.expected}`;
  }
  return {
    line: lineOf(document, issue.path as (string | number)[], lines),
    text: `${field || 'the file'}: ${message}`,
  };
}

/** The line of the deepest node of the path that the document has. */
function lineOf(
  document: Document.Parsed,
  path: (string | number)[],
  lines: LineCounter,
): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = document.getIn(path.slice(0, depth), true) as { range?: [number] } | undefined;
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/**
 * A command argument that starts with `./` or `../` is a path relative to the experiment file
 * (every session runs in a folder of its own, where it would mean nothing); others are kept.
 */
function fromFileFolder(arg: string, dir: string): string {
  return /^\.\.?\//.test(arg) ? resolve(dir, arg) : arg;
}
