import { createHash } from 'node:crypto';
import { validateRecord } from '../records/schema.js';
import type { RecordProblem, SessionRecord } from '../records/types.js';
import type { TaskRule, VariantRule } from '../config/source-settings.js';
import type { FoundSession } from './types.js';

export interface MappingRules {
  /** Undefined: none given (`readInputs` then reports the logs once). */
  variant?: VariantRule;
  task: TaskRule;
  /** Set on every record; absent, the configured experiment applies later. */
  experiment?: string;
}

/** The first 12 hex digits (48 bits) of the SHA-256 of a text. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
}

/**
 * The task id of a prompt: `prompt-` and a short hash of its text, with Unicode in NFC and each
 * run of whitespace as one space, trimmed, so that re-wrapped copies still pair. Every format
 * takes it from the same prompt text, so sessions of different agents on one prompt pair.
 */
export function promptTaskId(text: string): string {
  return `prompt-${shortHash(text.normalize('NFC').replace(/\s+/g, ' ').trim())}`;
}

/**
 * A found session made a session record: its variant and task by the rules, checked by the
 * schema every record passes. Problems name the file and place of the session.
 */
export function completeSession(
  found: FoundSession,
  rules: MappingRules,
): { record: SessionRecord } | { problems: RecordProblem[] } {
  const at = (field: string, message: string): RecordProblem => ({
    file: found.file,
    location: found.location,
    field,
    message,
  });
  const variant: Picked =
    rules.variant === undefined
      ? { error: 'no variant: give --variant or --variant-from' }
      : variantOf(found, rules.variant);
  const task = taskOf(found, rules.task);
  const problems: RecordProblem[] = [];
  if ('error' in variant) problems.push(at('variant', variant.error));
  if ('error' in task) problems.push(at('task_id', task.error));
  if (problems.length > 0) return { problems };
  // In the schema's order (session_id, variant, task_id, …): a record in it needs no copy.
  const value: Record<string, unknown> = Object.assign(
    {
      session_id: found.record.session_id,
      variant: (variant as { value: string }).value,
      task_id: (task as { value: string }).value,
      ...(rules.experiment !== undefined && { experiment: rules.experiment }),
    },
    found.record,
  );
  const validation = validateRecord(value, {}, { reuseValue: true });
  if ('record' in validation) return validation;
  return {
    problems: validation.problems.map(({ field, message }) => {
      const top = field.split(/[.[]/, 1)[0] ?? '';
      const origin = found.origins?.[top];
      return at(origin === undefined ? field : origin + field.slice(top.length), message);
    }),
  };
}

type Picked = { value: string } | { error: string };

function variantOf(found: FoundSession, rule: VariantRule): Picked {
  if (rule.from === 'value') return { value: rule.value };
  let texts: (string | undefined)[];
  let what: string;
  if (rule.from === 'model') {
    texts = [found.keys.model];
    what = 'the model name';
  } else if (rule.from === 'path') {
    texts = [...found.files];
    what = 'the path';
  } else {
    const { field } = rule as { field: string };
    texts = [found.keys.fields[field]];
    what = `the field ${field}`;
  }
  const present = texts.filter((text): text is string => text !== undefined && text !== '');
  if (present.length === 0) {
    return { error: `no variant: the session has no ${what.replace(/^the /, '')}` };
  }
  if (rule.pattern === undefined) return { value: present[0] as string };
  for (const text of present) {
    const match = rule.pattern.exec(text);
    if (match) {
      const picked = match[1] ?? match[0];
      if (picked !== '') return { value: picked };
    }
  }
  return {
    error: `no variant: ${what} ${JSON.stringify(present[0])} does not match ${String(rule.pattern)}`,
  };
}

function taskOf(found: FoundSession, rule: TaskRule): Picked {
  if (rule.from === 'prompt') {
    if (found.keys.prompt !== undefined && found.keys.prompt.trim() !== '') {
      return { value: promptTaskId(found.keys.prompt) };
    }
    return {
      error:
        'no task: the session has no prompt to take it from (give the file that holds the prompt too, or --task-by field:<name>)',
    };
  }
  const value = found.keys.fields[rule.field];
  if (value !== undefined && value.trim() !== '') return { value };
  const known = Object.keys(found.keys.fields).join(', ');
  return { error: `no task: the session has no field ${rule.field} (it has: ${known || 'none'})` };
}
