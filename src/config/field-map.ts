import { parse as parseYaml } from 'yaml';

/**
 * A field mapping: how the rows of a team's own CSV, JSON or JSON Lines files become session
 * records. Each record field is taken from a column (CSV) or a JSON path (`a.b[0].c`), with
 * simple transforms after a `|`:
 *
 *   session_id: run_id
 *   success: status | true=passed,ok
 *   completion_time_seconds: duration_ms | ms
 *   metrics.cost_usd: usage.cost
 */
export interface FieldMap {
  fields: MappedField[];
  /** JSON files: the path of the array of sessions (else the file's array, or its one object). */
  records?: string;
}

export interface MappedField {
  /** A session record field, `metrics.<name>`, `prompt` (hashed into the task) or `failed_tool_calls`. */
  target: string;
  /** The column or JSON path it is read from. */
  source: string;
  /** Numbers: multiplied by `times` and divided by `per` (`ms`: per 1000, `min`: times 60). */
  times?: number;
  per?: number;
  /** Times: a number of seconds since 1970 (`epoch`). */
  epoch?: boolean;
  /** Booleans: the texts that mean true, and false (`true=passed,ok`, `false=failed`). */
  trueWords?: string[];
  falseWords?: string[];
  /** Booleans: the opposite (`not`: a `failed` column gives success). */
  negate?: boolean;
  /** Lists: the separator a text is split at (`split=;`). */
  split?: string;
}

/** What a target holds, which says how values are converted and which transforms apply. */
export type TargetKind = 'text' | 'count' | 'number' | 'boolean' | 'time' | 'list' | 'metric';

const TARGETS: Readonly<Record<string, TargetKind>> = {
  session_id: 'text',
  variant: 'text',
  task_id: 'text',
  prompt: 'text',
  experiment: 'text',
  success: 'boolean',
  tool_calls: 'count',
  successful_tool_calls: 'count',
  failed_tool_calls: 'count',
  completion_time_seconds: 'number',
  message_count: 'count',
  user_corrections: 'count',
  errors: 'list',
  category: 'text',
  difficulty: 'text',
  start_time: 'time',
  end_time: 'time',
  notes: 'text',
};

/** The kind of a target, or undefined for one the record has no place for. */
export function targetKind(target: string): TargetKind | undefined {
  if (/^metrics\.[^.]+$/.test(target)) return 'metric';
  return Object.hasOwn(TARGETS, target) ? TARGETS[target] : undefined;
}

/** Which transforms each kind takes. */
const TRANSFORMS: Record<TargetKind, readonly string[]> = {
  text: [],
  count: [],
  number: ['ms', 'min'],
  boolean: ['true=', 'false=', 'not'],
  time: ['ms', 'epoch'],
  list: ['split='],
  metric: ['ms', 'min', 'true=', 'false=', 'not'],
};

/**
 * Parses a mapping (YAML or JSON text: `target: source | transform …`), collecting every
 * mistake into `problems` as `<name>: …` messages that say what was expected.
 */
export function parseFieldMap(
  text: string,
  name: string,
  problems: string[],
): FieldMap | undefined {
  let spec: unknown;
  try {
    spec = parseYaml(text);
  } catch (error) {
    problems.push(`${name}: not valid YAML or JSON (${(error as Error).message.split('\n')[0]})`);
    return undefined;
  }
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    problems.push(
      `${name}: expected record fields and where each comes from, like "session_id: id", got ${JSON.stringify(spec)}`,
    );
    return undefined;
  }
  const map: FieldMap = { fields: [] };
  const before = problems.length;
  for (const [target, value] of Object.entries(spec)) {
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(
        `${name}: ${target}: expected a column or JSON path, got ${JSON.stringify(value)}`,
      );
    } else if (target === 'records') {
      map.records = value.trim();
    } else {
      const field = parseField(target, value, (message) =>
        problems.push(`${name}: ${target}: ${message}`),
      );
      if (field) map.fields.push(field);
    }
  }
  const has = (target: string) => map.fields.some((field) => field.target === target);
  if (!has('session_id')) {
    problems.push(`${name}: session_id: required: the column or path of each session's unique id`);
  }
  if (has('successful_tool_calls') && has('failed_tool_calls')) {
    problems.push(`${name}: give one of successful_tool_calls and failed_tool_calls, not both`);
  }
  return problems.length === before ? map : undefined;
}

function parseField(
  target: string,
  value: string,
  problem: (message: string) => void,
): MappedField | undefined {
  const kind = targetKind(target);
  if (kind === undefined) {
    problem(
      `not a record field: expected one of ${Object.keys(TARGETS).join(', ')} or metrics.<name>`,
    );
    return undefined;
  }
  const [source = '', ...steps] = value.split('|').map((part) => part.trim());
  if (source === '') {
    problem(`expected a column or JSON path before the first |, got ${JSON.stringify(value)}`);
    return undefined;
  }
  const field: MappedField = { target, source };
  for (const step of steps) {
    const [name = '', argument] = step.split(/=(.*)/s, 2);
    const key = argument === undefined ? name : `${name}=`;
    if (!TRANSFORMS[kind].includes(key)) {
      const allowed = TRANSFORMS[kind].join(', ') || 'none';
      problem(`unknown transform ${JSON.stringify(step)}: ${target} takes ${allowed}`);
      return undefined;
    }
    if (name === 'ms') field.per = (field.per ?? 1) * 1000;
    else if (name === 'min') field.times = (field.times ?? 1) * 60;
    else if (name === 'epoch') field.epoch = true;
    else if (name === 'not') field.negate = true;
    else if (name === 'split') field.split = argument || ',';
    else field[name === 'true' ? 'trueWords' : 'falseWords'] = words(argument ?? '');
  }
  if (kind === 'time' && field.per !== undefined && !field.epoch) {
    problem('ms goes with epoch: "… | ms | epoch" for milliseconds since 1970');
    return undefined;
  }
  return field;
}

function words(list: string): string[] {
  return list
    .split(',')
    .map((word) => word.trim().toLowerCase())
    .filter((word) => word !== '');
}
