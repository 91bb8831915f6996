/**
 * Seeded generators of session records and JSON Lines texts full of what a reader must get right:
 * duplicates near and far (identical and conflicting), labels and metrics that first appear late,
 * invalid lines of every kind, blank lines, CRLF, a BOM, records of other experiments.
 */

/** A small fast PRNG (mulberry32): the same seed gives the same file. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export function pick<T>(next: Random, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

/** Top-level fields `validRecord` adds with `extraFields`, as extra labels of a table. */
export const EXTRA_FIELDS = ['model', 'agent_version'] as const;

/**
 * A valid record, its fields drawn from small pools so that duplicates often match. With
 * `extraFields`, also `EXTRA_FIELDS`: strings, numbers, booleans, null or an object.
 */
export function validRecord(
  next: Random,
  id: string,
  labelPool = 3,
  extraFields = false,
): Record<string, unknown> {
  const record: Record<string, unknown> = {
    session_id: id,
    variant: pick(next, ['cold', 'warm']),
    task_id: `t${Math.floor(next() * 4 * labelPool)}`,
  };
  const maybe = (field: string, value: () => unknown) => {
    if (next() < 0.6) record[field] = value();
    else if (next() < 0.15) record[field] = null;
  };
  maybe('experiment', () => pick(next, ['exp', 'exp', 'exp', 'other', `e${labelPool}`]));
  maybe('success', () => next() < 0.5);
  const calls = Math.floor(next() * 4);
  maybe('tool_calls', () => calls);
  if (next() < 0.5) record.successful_tool_calls = Math.floor(next() * (calls + 1));
  maybe('completion_time_seconds', () => pick(next, [0, -0, 1.5, 30]));
  maybe('message_count', () => Math.floor(next() * 3));
  maybe('user_corrections', () => Math.floor(next() * 2));
  maybe('category', () => `c${Math.floor(next() * labelPool)}`);
  maybe('difficulty', () => pick(next, ['easy', 'hard', `d${labelPool}`]));
  maybe('errors', () => (next() < 0.5 ? [] : ['Bash: failed']));
  maybe('start_time', () => '2025-03-03T09:01:20Z');
  maybe('notes', () => pick(next, ['', 'a note']));
  if (next() < 0.6) {
    const metrics: Record<string, number | boolean> = {};
    for (const name of ['cost', 'tokens', `m${labelPool}`, 'cached']) {
      if (next() < 0.4) metrics[name] = name === 'cached' ? next() < 0.5 : Math.floor(next() * 3);
    }
    record.metrics = metrics;
  }
  if (next() < 0.1) record.extra = { nested: [1, 2] };
  if (extraFields) {
    maybe('model', () => pick(next, ['m-small', 'm-large', `m${labelPool}`, 4, true]));
    maybe('agent_version', () => pick(next, ['1.0', 1, { v: 1 }, [1], `v${labelPool}`]));
  }
  return record;
}

const INVALID_LINES = [
  '{"session_id": "x", "tool_calls": }',
  '[1, 2]',
  '"text"',
  'null',
  '{"session_id": "", "variant": "cold", "task_id": "t"}',
  '{"variant": "cold", "task_id": "t"}',
  '{"session_id": "bad-calls", "variant": "cold", "task_id": "t", "tool_calls": -1}',
  '{"session_id": "bad-succ", "variant": "cold", "task_id": "t", "tool_calls": 1, "successful_tool_calls": 2}',
  '{"session_id": "bad-metric", "variant": "cold", "task_id": "t", "metrics": {"cost": "high"}}',
  '{"session_id": "bad-time", "variant": "cold", "task_id": "t", "start_time": "yesterday"}',
  '{"session_id": "bad-type", "variant": "cold", "session_type": "warm", "task_id": "t"}',
  '{"session_id": "bad-errors", "variant": "cold", "task_id": "t", "errors": [1]}',
  '{"session_id": "unicode-é€😀", "variant": 3, "task_id": "t"}',
  '{"a": 1,}',
  'tru',
];

export interface LinesOptions {
  lines: number;
  /** Share of lines that are invalid. */
  invalid?: number;
  /** How many distinct ids there are per line: lower means more duplicates. */
  idsPerLine?: number;
  bom?: boolean;
  /** Records also get `EXTRA_FIELDS` (see `validRecord`). */
  extraFields?: boolean;
}

/**
 * A JSON Lines text. Duplicates repeat an earlier record exactly or change it; label and metric
 * pools grow along the file, so some first appear in its later part; line ends vary.
 */
export function jsonLinesText(seed: number, options: LinesOptions): string {
  const next = random(seed);
  const { lines, invalid = 0.1, idsPerLine = 0.7, bom = next() < 0.5, extraFields } = options;
  const seen: Record<string, unknown>[] = [];
  let text = bom ? '\uFEFF' : '';
  for (let i = 0; i < lines; i++) {
    const roll = next();
    let line: string;
    if (roll < invalid) {
      line = pick(next, INVALID_LINES);
    } else if (roll < invalid + 0.05) {
      line = pick(next, ['', '   ', '\t']);
    } else if (seen.length > 0 && roll < invalid + 0.05 + 0.15) {
      line = JSON.stringify(pick(next, seen)); // an identical re-report, maybe far away
    } else {
      const labelPool = 1 + Math.floor((i / lines) * 6);
      const id = `s${Math.floor(next() * Math.max(1, lines * idsPerLine))}`;
      const record = validRecord(next, id, labelPool, extraFields);
      seen.push(record);
      line = JSON.stringify(record);
      if (next() < 0.05) line = `  ${line.replace(':', ' : ')}`; // the same record, spaced
    }
    const end = i === lines - 1 && next() < 0.5 ? '' : next() < 0.3 ? '\r\n' : '\n';
    text += line + end;
  }
  return text;
}
