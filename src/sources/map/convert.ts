import {
  targetKind,
  type FieldMap,
  type MappedField,
  type TargetKind,
} from '../../config/field-map.js';
import { describeValue } from '../../records/describe-value.js';
import { sessionRecordSchema } from '../../records/schema.js';
import type { RecordProblem } from '../../records/types.js';
import type { FoundSession } from '../types.js';

/** A row's value for a column or JSON path; undefined when it has none. */
export type RowValue = (source: string) => unknown;

type Converted = { value: unknown } | { error: string };

/** Words every boolean takes without `true=` / `false=`. */
const TRUE_WORDS = ['true', 'yes', '1'];
const FALSE_WORDS = ['false', 'no', '0'];

/** One mapped field, ready for every row: its kind and how problems name it. */
interface PreparedField extends MappedField {
  kind: TargetKind;
  origin: string;
}

/** Makes one row a found session, or problems located at `location`. */
export type RowMapper = (
  value: RowValue,
  location: string,
) => { session: FoundSession } | { problems: RecordProblem[] };

/** The record fields in the schema's order: records built in it are validated without a copy. */
const ORDER = new Map(
  Object.keys(sessionRecordSchema.shape).map((field, index) => [field, index] as const),
);
/** failed_tool_calls gives successful_tool_calls, in its place. */
const orderOf = (target: string) =>
  ORDER.get(target === 'failed_tool_calls' ? 'successful_tool_calls' : target) ?? ORDER.size;

/**
 * A mapper of one file's rows by the mapping: each field converted for its target (numbers from
 * text, transforms applied), or problems that name the row, the target, the column or path it
 * came from (`sourceName`) and what was expected.
 */
export function rowMapper(
  map: FieldMap,
  file: string,
  sourceName: (source: string) => string,
): RowMapper {
  const fields: PreparedField[] = map.fields
    .map((field) => ({
      ...field,
      kind: targetKind(field.target)!,
      origin: `${field.target} (${sourceName(field.source)})`,
    }))
    .sort((a, b) => orderOf(a.target) - orderOf(b.target));
  const origins: Record<string, string> = {};
  for (const field of fields) {
    origins[field.target === 'failed_tool_calls' ? 'successful_tool_calls' : field.target] =
      field.origin;
  }
  const files = [file];
  return (value, location) => {
    const problems: RecordProblem[] = [];
    const problem = (field: PreparedField, message: string) =>
      problems.push({ file, location, field: field.origin, message });
    const record: Record<string, unknown> = {};
    let metrics: Record<string, unknown> | undefined;
    const keys: Record<string, string> = {};
    let prompt: string | undefined;
    for (const field of fields) {
      const raw = value(field.source);
      if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
        if (field.target === 'session_id') problem(field, 'required, missing');
        continue;
      }
      const converted = convert(raw, field);
      if ('error' in converted) {
        problem(field, converted.error);
        continue;
      }
      const { target } = field;
      if (field.kind === 'metric')
        (metrics ??= {})[target.slice('metrics.'.length)] = converted.value;
      else if (target === 'prompt') prompt = converted.value as string;
      else if (target === 'variant' || target === 'task_id')
        keys[target] = converted.value as string;
      else if (target !== 'failed_tool_calls') record[target] = converted.value;
      else {
        const [calls, failed] = [record.tool_calls, converted.value as number];
        if (typeof calls !== 'number') continue;
        if (failed > calls) problem(field, `expected at most tool_calls (${calls}), got ${failed}`);
        else record.successful_tool_calls = calls - failed;
      }
    }
    if (problems.length > 0) return { problems };
    if (metrics !== undefined) record.metrics = metrics;
    return {
      session: {
        file,
        location,
        files,
        record: record as FoundSession['record'],
        keys: { prompt, fields: keys },
        origins,
      },
    };
  };
}

/** A found value converted for its target's kind, its transforms applied. */
function convert(raw: unknown, field: PreparedField): Converted {
  switch (field.kind) {
    case 'count':
    case 'number':
      return scaled(raw, field);
    case 'boolean':
      return truth(raw, field);
    case 'time':
      return time(raw, field);
    case 'list':
      return list(raw, field);
    case 'metric':
      return field.trueWords || field.falseWords || field.negate || typeof raw === 'boolean'
        ? truth(raw, field)
        : metric(raw, field);
    default:
      return typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
        ? { value: String(raw).trim() }
        : { error: `expected a text, got ${describeValue(raw)}` };
  }
}

function numberOf(raw: unknown): number | undefined {
  const number = typeof raw === 'string' ? Number(raw.trim()) : raw;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

function scaled(raw: unknown, field: MappedField): Converted {
  const number = numberOf(raw);
  if (number === undefined) return { error: `expected a number, got ${describeValue(raw)}` };
  return { value: (number * (field.times ?? 1)) / (field.per ?? 1) };
}

/** A metric: a number, else a boolean word. */
function metric(raw: unknown, field: MappedField): Converted {
  if (numberOf(raw) !== undefined) return scaled(raw, field);
  const word = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
  if (word === 'true' || word === 'false') return { value: word === 'true' };
  return { error: `expected a number or true/false, got ${describeValue(raw)}` };
}

function truth(raw: unknown, field: MappedField): Converted {
  let value: boolean | undefined;
  if (typeof raw === 'boolean') value = raw;
  else if (typeof raw === 'number' && (raw === 0 || raw === 1)) value = raw === 1;
  else if (typeof raw === 'string' || typeof raw === 'number') {
    const word = String(raw).trim().toLowerCase();
    const { trueWords, falseWords } = field;
    if (trueWords?.includes(word)) value = true;
    else if (falseWords?.includes(word)) value = false;
    // With only the words of one side given, every other text is the other side.
    else if (trueWords && !falseWords) value = false;
    else if (falseWords && !trueWords) value = true;
    else if (!trueWords && TRUE_WORDS.includes(word)) value = true;
    else if (!trueWords && FALSE_WORDS.includes(word)) value = false;
  }
  if (value === undefined) {
    const words = [...(field.trueWords ?? TRUE_WORDS), ...(field.falseWords ?? FALSE_WORDS)];
    return {
      error: `expected one of ${words.join(', ')} (add "| true=<word>" for the texts that mean true), got ${describeValue(raw)}`,
    };
  }
  return { value: field.negate ? !value : value };
}

function time(raw: unknown, field: MappedField): Converted {
  if (!field.epoch) {
    return typeof raw === 'string'
      ? { value: raw.trim() }
      : {
          error: `expected an ISO 8601 time like "2024-05-01T12:00:00Z" (for seconds since 1970: "| epoch"), got ${describeValue(raw)}`,
        };
  }
  const seconds = numberOf(raw);
  const date = seconds === undefined ? undefined : new Date((seconds * 1000) / (field.per ?? 1));
  if (date === undefined || Number.isNaN(date.getTime())) {
    return { error: `expected a number of seconds since 1970, got ${describeValue(raw)}` };
  }
  return { value: date.toISOString() };
}

function list(raw: unknown, field: MappedField): Converted {
  const items = Array.isArray(raw)
    ? raw
    : typeof raw === 'string' && field.split !== undefined
      ? raw.split(field.split)
      : [raw];
  if (items.some((item) => typeof item === 'object' && item !== null)) {
    return { error: `expected a text or a list of texts, got ${describeValue(raw)}` };
  }
  const texts = items.filter((item) => item != null).map((item) => String(item).trim());
  return { value: texts.filter((item) => item !== '') };
}
