import { parseFieldMap, type FieldMap } from './field-map.js';
import { ConfigError } from './parse-inputs.js';

/**
 * The formats `--from` (and the Action's `from`) can name: agent logs, which `auto` detects,
 * and `map`, a team's own files read through a field mapping (`--map`), only when named.
 */
export const FORMAT_NAMES = [
  'hermes-batch',
  'hermes-db',
  'claude-code',
  'codex',
  'inspect',
  'map',
] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Subagents: folded into their session, omitted, or kept as sessions of their own. */
export type SubagentMode = 'fold' | 'omit' | 'keep';

/** What each format can do with subagents, its default first; empty: it has none. */
export const SUBAGENT_MODES: Readonly<Record<FormatName, readonly SubagentMode[]>> = {
  'hermes-batch': [],
  'hermes-db': ['omit', 'keep'],
  'claude-code': ['fold', 'omit'],
  codex: [],
  inspect: [],
  map: [],
};

/**
 * Where a session's variant comes from: one `value` for all; the agent's `model`; the session's
 * file `path`; or a named `field` of the format (`cwd`, `title`, …). A `pattern` picks the
 * variant out of that text: its first capture group, else its whole match.
 */
export type VariantRule =
  | { from: 'value'; value: string }
  | { from: 'model' | 'path'; pattern?: RegExp }
  | { from: 'field'; field: string; pattern?: RegExp };

/** Where a session's task comes from: a hash of its `prompt`, or a named `field`. */
export type TaskRule = { from: 'prompt' } | { from: 'field'; field: string };

/** How agent logs are read: the format, and how their sessions get a variant and a task. */
export interface SourceSettings {
  from: FormatName | 'auto';
  /** Undefined: none given, which only files of session records can do without. */
  variant?: VariantRule;
  task: TaskRule;
  /** Undefined: each format's default. */
  subagents?: SubagentMode;
  /** inspect: the scorer whose value is `success`, when a log has several. */
  scorer?: string;
  /** The field mapping of `--from map`: a team's own CSV, JSON or JSON Lines. */
  map?: FieldMap;
}

/** The settings as typed: strings from flags or Action inputs, unset when absent. */
export interface RawSourceInputs {
  from?: string;
  variant?: string;
  variantFrom?: string;
  variantPattern?: string;
  taskBy?: string;
  subagents?: string;
  scorer?: string;
  /** The mapping's text (YAML or JSON), and where it came from: `inline` or a file's path. */
  map?: { text: string; origin: string };
}

/** How the user writes each setting (`--variant-from`, `variant-from`), for messages. */
export type SourceSettingNames = Record<keyof RawSourceInputs, string>;

export const SOURCE_FLAG_NAMES: SourceSettingNames = {
  from: '--from',
  variant: '--variant',
  variantFrom: '--variant-from',
  variantPattern: '--variant-pattern',
  taskBy: '--task-by',
  subagents: '--subagents',
  scorer: '--scorer',
  map: '--map',
};

/**
 * Checks the source settings, collecting every mistake into one ConfigError whose messages
 * name the setting, what was expected and what was found.
 */
export function parseSourceSettings(
  raw: RawSourceInputs,
  names: SourceSettingNames = SOURCE_FLAG_NAMES,
): SourceSettings {
  const problems: string[] = [];
  const expected = (name: keyof RawSourceInputs, what: string) =>
    problems.push(`${names[name]}: expected ${what}, got ${JSON.stringify(raw[name])}`);

  let from = (raw.from ?? 'auto') as SourceSettings['from'];
  if (from !== 'auto' && !FORMAT_NAMES.includes(from)) {
    expected('from', `one of auto, ${FORMAT_NAMES.join(', ')}`);
  }
  let map: FieldMap | undefined;
  if (raw.map !== undefined) {
    if (from !== 'auto' && from !== 'map')
      problems.push(`${names.map} goes with ${names.from} map`);
    const origin = raw.map.origin === 'inline' ? names.map : `${names.map} (${raw.map.origin})`;
    map = parseFieldMap(raw.map.text, origin, problems);
    from = 'map';
  } else if (from === 'map') {
    problems.push(`${names.from} map: give the field mapping with ${names.map}`);
  }
  const mapped = (target: string) => map?.fields.some((field) => field.target === target) === true;

  let pattern: RegExp | undefined;
  if (raw.variantPattern !== undefined) {
    try {
      pattern = new RegExp(raw.variantPattern);
    } catch (error) {
      problems.push(
        `${names.variantPattern}: not a regular expression (${(error as Error).message})`,
      );
    }
  }
  let variant: VariantRule | undefined;
  if (raw.variant !== undefined && raw.variantFrom !== undefined) {
    problems.push(`give one of ${names.variant} and ${names.variantFrom}, not both`);
  } else if (raw.variant !== undefined) {
    if (raw.variant.trim() === '') expected('variant', 'a variant name like warm or cold');
    else variant = { from: 'value', value: raw.variant };
  } else if (raw.variantFrom !== undefined) {
    const source = raw.variantFrom.trim();
    const field = /^field:(.+)$/.exec(source)?.[1]?.trim();
    const withPattern = pattern === undefined ? {} : { pattern };
    if (source === 'model' || source === 'path') variant = { from: source, ...withPattern };
    else if (field) variant = { from: 'field', field, ...withPattern };
    else expected('variantFrom', 'model, path or field:<name>');
  } else if (mapped('variant')) {
    variant = { from: 'field', field: 'variant' };
  }

  if (raw.variantPattern !== undefined && raw.variantFrom === undefined) {
    problems.push(`${names.variantPattern} goes with ${names.variantFrom}`);
  }

  let task: TaskRule = { from: 'prompt' };
  if (raw.taskBy !== undefined) {
    const value = raw.taskBy.trim();
    const field = /^field:(.+)$/.exec(value)?.[1]?.trim();
    if (value === 'prompt') task = { from: 'prompt' };
    else if (value === 'title') task = { from: 'field', field: 'title' };
    else if (value === 'prompt-index') task = { from: 'field', field: 'prompt_index' };
    else if (field) task = { from: 'field', field };
    else expected('taskBy', 'prompt, title, prompt-index or field:<name>');
  } else if (mapped('task_id')) {
    task = { from: 'field', field: 'task_id' };
  } else if (map !== undefined && !mapped('prompt')) {
    problems.push(
      `${names.map}: task_id or prompt: required: what pairs the sessions of both variants (or give ${names.taskBy})`,
    );
  }

  let subagents: SubagentMode | undefined;
  if (raw.subagents !== undefined) {
    const modes =
      from === 'auto' || !FORMAT_NAMES.includes(from)
        ? ['fold', 'omit', 'keep']
        : SUBAGENT_MODES[from];
    if (modes.includes(raw.subagents as SubagentMode)) subagents = raw.subagents as SubagentMode;
    else if (modes.length === 0)
      problems.push(`${names.subagents}: ${from} logs have no subagents`);
    else expected('subagents', `one of ${modes.join(', ')} for ${from}`);
  }

  let scorer: string | undefined;
  if (raw.scorer !== undefined) {
    if (from !== 'auto' && from !== 'inspect')
      problems.push(`${names.scorer} goes with inspect logs`);
    else if (raw.scorer.trim() === '') expected('scorer', 'the name of a scorer, like includes');
    else scorer = raw.scorer.trim();
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    from,
    task,
    ...(variant && { variant }),
    ...(subagents && { subagents }),
    ...(scorer !== undefined && { scorer }),
    ...(map && { map }),
  };
}
