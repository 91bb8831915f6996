import { parse as parseYaml } from 'yaml';
import type { ExperimentConfig } from './experiment-config.js';
import {
  ConfigError,
  FLAG_NAMES,
  parseInputs,
  type RawInputs,
  type SettingNames,
} from './parse-inputs.js';
import { parseSourceSettings, type SourceSettings } from './source-settings.js';

export type StoreSetting = { kind: 'artifact' } | { kind: 'dir'; path: string } | { kind: 'none' };
export type CommentSetting = 'auto' | 'always' | 'never';
export type FailOn = 'never' | 'reject' | 'inconclusive';
export type Mode = 'analyze' | 'post-report';

/** Every input of action.yml, checked and typed. */
export interface ActionSettings {
  mode: Mode;
  /** Globs, files or folders of result files or agent logs, one per line. */
  results: string[];
  /** How agent logs among the results are read (`from`, `variant`, …). */
  source: SourceSettings;
  /** `experiment` is always set: the store and the comment are keyed by it. */
  config: ExperimentConfig & { experiment: string };
  store: StoreSetting;
  /** Undefined: the repository's default retention. */
  retentionDays: number | undefined;
  lookbackDays: number;
  token: string;
  comment: CommentSetting;
  summary: boolean;
  failOn: FailOn;
  /** post-report: the run whose report to post. */
  reportRunId: number | null;
  /** Comment on this issue or pull request instead of the event's pull request. */
  issueNumber: number | null;
}

/** The Action's names for the analysis settings, as messages show them. */
export const ACTION_INPUT_NAMES: SettingNames = {
  experiment: 'experiment',
  control: 'control',
  treatment: 'treatment',
  primary: 'primary-metric',
  alpha: 'alpha',
  minEffect: 'min-effect',
  equivalenceMargin: 'equivalence-margin',
  expectedSplit: 'expected-split',
  correction: 'correction',
  method: 'method',
  expectedSessions: 'expected-sessions',
  guardrailPolicy: 'guardrail-policy',
  capPercentile: 'cap',
  segments: 'segments',
  chanceToBeat: 'chance-to-beat',
  onInvalid: 'on-invalid',
  metrics: 'metrics',
};

const SOURCE_INPUT_NAMES = {
  from: 'from',
  variant: 'variant',
  variantFrom: 'variant-from',
  variantPattern: 'variant-pattern',
  taskBy: 'task-by',
  subagents: 'subagents',
  scorer: 'scorer',
  map: 'map',
};

/**
 * Runs `work` (the analysis), naming the Action's inputs in its setting errors: the analysis
 * names settings as the CLI's flags (`--segments`), and a workflow has inputs (`segments`).
 */
export function inInputNames<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const renames = Object.entries(FLAG_NAMES).map(
      ([key, flag]) => [`${flag}:`, `${ACTION_INPUT_NAMES[key as keyof RawInputs]}:`] as const,
    );
    throw new ConfigError(
      error.messages.map((message) => {
        const rename = renames.find(([flag]) => message.startsWith(flag));
        return rename ? rename[1] + message.slice(rename[0].length) : message;
      }),
    );
  }
}

/** The Action looks at every run, so it analyses sequentially unless told otherwise. */
const ACTION_METHOD = 'sequential';

/**
 * Reads all inputs in one place. `input(name)` gives an input as the runner passed it ('' when
 * unset); `readText(path)` reads the file a `metrics` path names. Every problem is collected
 * and thrown together as a ConfigError naming the input, what was expected and what was found.
 */
export function parseActionInputs(
  input: (name: string) => string,
  readText: (path: string) => string,
): ActionSettings {
  const problems: string[] = [];
  const fail = (name: string, expected: string, got: string) =>
    problems.push(`${name}: expected ${expected}, got ${JSON.stringify(got)}`);
  const optional = (name: string) => {
    const value = input(name).trim();
    return value === '' ? undefined : value;
  };
  const choice = <T extends string>(name: string, options: readonly T[], fallback: T): T => {
    const value = optional(name)?.toLowerCase() ?? fallback;
    if ((options as readonly string[]).includes(value)) return value as T;
    fail(name, `one of ${options.join(', ')}`, input(name));
    return fallback;
  };
  const wholeNumber = (name: string, min: number, max: number): number | undefined => {
    const value = optional(name);
    if (value === undefined) return undefined;
    if (/^\d+$/.test(value) && Number(value) >= min && Number(value) <= max) return Number(value);
    fail(name, `a whole number from ${min} to ${max}`, value);
    return undefined;
  };
  const yesNo = (name: string, fallback: boolean): boolean => {
    const value = optional(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', 'yes', 'on'].includes(value)) return true;
    if (['false', 'no', 'off'].includes(value)) return false;
    fail(name, 'true or false', input(name));
    return fallback;
  };

  const mode = choice('mode', ['analyze', 'post-report'] as const, 'analyze');
  const results = input('results')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (mode === 'analyze' && results.length === 0) {
    problems.push('results: required: one or more result files, folders or globs, one per line');
  }
  const store = parseStore(optional('store') ?? 'artifact', fail);
  const comment = choice('comment', ['auto', 'always', 'never'] as const, 'auto');
  const token = input('github-token').trim();
  if (
    token === '' &&
    (store.kind === 'artifact' || comment !== 'never' || mode === 'post-report')
  ) {
    problems.push(
      "github-token: required to read the store, comment or post a report; leave the input out to use the job's GITHUB_TOKEN",
    );
  }
  // An input of post-report only: its default (an expression of workflow_run events) means
  // nothing elsewhere, and tools that run the Action locally pass it unexpanded.
  const reportRunId =
    mode === 'post-report'
      ? (wholeNumber('report-run-id', 1, Number.MAX_SAFE_INTEGER) ?? null)
      : null;
  if (mode === 'post-report' && reportRunId === null) {
    problems.push(
      'report-run-id: required in mode post-report (the run that uploaded the report); outside a workflow_run event, set it',
    );
  }

  const raw: RawInputs = {
    experiment: optional('experiment') ?? 'default',
    control: optional('control'),
    treatment: optional('treatment'),
    primary: optional('primary-metric'),
    alpha: optional('alpha'),
    minEffect: optional('min-effect'),
    equivalenceMargin: optional('equivalence-margin'),
    expectedSplit: optional('expected-split'),
    correction: optional('correction'),
    method: optional('method') ?? ACTION_METHOD,
    expectedSessions: optional('expected-sessions'),
    guardrailPolicy: optional('guardrail-policy'),
    capPercentile: optional('cap'),
    segments: optional('segments'),
    chanceToBeat: optional('chance-to-beat'),
    onInvalid: optional('on-invalid'),
    metrics: metricsBlock(optional('metrics'), readText, problems),
  };
  let config: ExperimentConfig | undefined;
  try {
    config = parseInputs(raw, ACTION_INPUT_NAMES);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.messages);
  }

  let source: SourceSettings = { from: 'auto', task: { from: 'prompt' } };
  try {
    source = parseSourceSettings(
      {
        from: optional('from'),
        variant: optional('variant'),
        variantFrom: optional('variant-from'),
        variantPattern: optional('variant-pattern'),
        taskBy: optional('task-by'),
        subagents: optional('subagents'),
        scorer: optional('scorer'),
        map: textBlock('map', optional('map'), readText, problems),
      },
      SOURCE_INPUT_NAMES,
    );
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.messages);
  }

  const settings = {
    mode,
    results,
    source,
    store,
    retentionDays: wholeNumber('retention-days', 1, 400),
    lookbackDays: wholeNumber('lookback-days', 1, 400) ?? 90,
    token,
    comment,
    summary: yesNo('summary', true),
    failOn: choice('fail-on', ['never', 'reject', 'inconclusive'] as const, 'never'),
    reportRunId,
    issueNumber: wholeNumber('issue-number', 1, Number.MAX_SAFE_INTEGER) ?? null,
  };
  if (problems.length > 0 || config === undefined) throw new ConfigError(problems);
  return { ...settings, config: { ...config, experiment: config.experiment ?? 'default' } };
}

function parseStore(
  value: string,
  fail: (name: string, expected: string, got: string) => void,
): StoreSetting {
  if (value === 'artifact' || value === 'none') return { kind: value };
  if (value.startsWith('dir:') && value.slice(4).trim() !== '') {
    return { kind: 'dir', path: value.slice(4).trim() };
  }
  fail('store', 'artifact, none, or dir:<path>', value);
  return { kind: 'none' };
}

/**
 * The `metrics` input as the JSON text parseInputs checks: an inline JSON or YAML block, or the
 * path of a JSON or YAML file.
 */
function metricsBlock(
  value: string | undefined,
  readText: (path: string) => string,
  problems: string[],
): RawInputs['metrics'] {
  const block = textBlock('metrics', value, readText, problems);
  if (block === undefined) return undefined;
  const { text, origin } = block;
  try {
    JSON.parse(text);
    return { text, origin };
  } catch {
    // Not JSON: YAML, below.
  }
  try {
    return { text: JSON.stringify(parseYaml(text) ?? null), origin };
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    problems.push(`metrics (${origin}): not valid JSON or YAML (${reason})`);
    return undefined;
  }
}

/**
 * An input that holds a JSON or YAML block, or the path of a file of one: its text, and
 * `inline` or the path. A single line without `{` or `: ` is taken for a path.
 */
function textBlock(
  name: string,
  value: string | undefined,
  readText: (path: string) => string,
  problems: string[],
): { text: string; origin: string } | undefined {
  if (value === undefined) return undefined;
  const inline = value.includes('\n') || value.startsWith('{') || /:\s/.test(value);
  if (inline) return { text: value, origin: 'inline' };
  try {
    return { text: readText(value), origin: value };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    problems.push(
      `${name}: expected a JSON or YAML block, or the path of such a file; cannot read ${JSON.stringify(value)} (${code})`,
    );
    return undefined;
  }
}
