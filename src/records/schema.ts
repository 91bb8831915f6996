import * as z from 'zod';
import { describeValue, kindOf } from './describe-value.js';
import { MAX_NESTING, nestsWithin } from './nesting.js';
import type { SessionRecord } from './types.js';

/**
 * A date, or a date and time, as ISO 8601 / RFC 3339 write them (Python's `isoformat()` too).
 * One anchored pattern without backtracking: cheap enough for every record.
 */
const ISO_8601 =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[Tt ](?:[01]\d|2[0-3]):[0-5]\d(?::(?:[0-5]\d|60)(?:[.,]\d+)?)?(?:[Zz]|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?)?$/;

function isMetricValue(value: unknown): boolean {
  return typeof value === 'number' ? Number.isFinite(value) : typeof value === 'boolean';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A hand check instead of `z.record(...)`, which costs as much as all other fields together. */
function isMetrics(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  for (const name in value) {
    if (name === '' || !isMetricValue(value[name])) return false;
  }
  return true;
}

function isLabel(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isDuration(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && ISO_8601.test(value);
}

// Checks are plain predicates in `z.custom`: zod's own `.min()`, `.int()` and `.regex()` cost
// several times the test itself, and the messages are written below anyway. Each says in its
// metadata what it checks as JSON Schema, for schema/session-record.schema.json (npm run schema).
// Optional fields accept null as "absent" (the seed writes Python's None as null).
const nonEmpty = z.custom<string>(isLabel).meta({ type: 'string', minLength: 1 });
const label = nonEmpty.nullish();
const count = z.custom<number>(isCount).meta({ type: 'integer', minimum: 0 }).nullish();
const timestamp = z
  .custom<string>(isTimestamp)
  .meta({ type: 'string', pattern: ISO_8601.source })
  .nullish();
const duration = z.custom<number>(isDuration).meta({ type: 'number', minimum: 0 }).nullish();
const metrics = z
  .custom<Record<string, number | boolean>>(isMetrics)
  .meta({
    type: 'object',
    propertyNames: { minLength: 1 },
    additionalProperties: { type: ['number', 'boolean'] },
  })
  .nullish();
/** A required field: null is absent, so missing. */
const required = { not: { type: 'null' } };

/** The session record of DESIGN.md. Required fields are checked by hand so that defaults can fill them. */
export const sessionRecordSchema = z
  .looseObject({
    session_id: label.meta({
      ...required,
      description: 'Unique per session: the same id seen twice counts once.',
    }),
    variant: label.describe('The variant the session ran, e.g. cold or warm.'),
    session_type: label.describe("The seed framework's name for variant."),
    task_id: label.meta({
      ...required,
      description: 'The task the session ran: sessions of both variants on one task are paired.',
    }),
    experiment: label.describe(
      "Defaults to the configured experiment; others' records are left out.",
    ),
    success: z.boolean().nullish().describe('Did the session solve its task.'),
    tool_calls: count,
    successful_tool_calls: count.describe('At most tool_calls.'),
    completion_time_seconds: duration.describe('Wall time of the session.'),
    message_count: count,
    user_corrections: count.describe('Times a person had to correct the agent.'),
    errors: z.array(z.string()).nullish().describe('Kept and shown, never analysed as text.'),
    category: label.describe('A segment for breakdowns.'),
    difficulty: label.describe('A segment for breakdowns.'),
    start_time: timestamp.describe('ISO 8601.'),
    end_time: timestamp.describe('ISO 8601.'),
    metrics: metrics.describe('Custom metrics, analysed like the built-in ones.'),
    notes: z.string().nullish(),
  })
  .meta({
    title: 'ab-verdict session record',
    description:
      'One agent session, as result files (.json, .jsonl) hold them. Other fields are kept as they are; null counts as absent.',
    required: ['session_id', 'task_id'],
    anyOf: [
      { required: ['variant'], properties: { variant: { type: 'string' } } },
      { required: ['session_type'], properties: { session_type: { type: 'string' } } },
    ],
  });

const NAMED_FIELDS = sessionRecordSchema.shape;
/** The named fields, in the schema's order. */
const FIELD_NAMES = Object.keys(NAMED_FIELDS);
/** Each named field's place in `FIELD_NAMES`; also the test for a named field (`in` sees `toString`). */
const FIELD_INDEX = new Map(FIELD_NAMES.map((field, index) => [field, index]));

const NON_EMPTY = 'a non-empty string';
const WHOLE = 'a whole number >= 0';
const TIME = 'an ISO 8601 date-time like "2024-05-01T12:00:00Z"';

/** What each field should hold, in the words of the messages. */
const EXPECTED: Record<string, string> = {
  session_id: NON_EMPTY,
  variant: NON_EMPTY,
  session_type: NON_EMPTY,
  task_id: NON_EMPTY,
  experiment: NON_EMPTY,
  success: 'true or false',
  tool_calls: WHOLE,
  successful_tool_calls: WHOLE,
  completion_time_seconds: 'a number >= 0',
  message_count: WHOLE,
  user_corrections: WHOLE,
  errors: 'a list of strings',
  category: NON_EMPTY,
  difficulty: NON_EMPTY,
  start_time: TIME,
  end_time: TIME,
  metrics: 'an object of numbers or booleans',
  notes: 'a string',
};

/** A problem with one field of a record ('' for the whole record). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Values for absent fields: the configured experiment, or what a seed test file implies. */
export type RecordDefaults = Partial<
  Pick<SessionRecord, 'variant' | 'task_id' | 'experiment' | 'category' | 'difficulty'>
>;

export type ValidationResult = { record: SessionRecord } | { problems: FieldProblem[] };

export interface ValidateOptions {
  /**
   * The value is the caller's to give away: the record returned may be the value itself,
   * normalised in place, rather than a copy.
   */
  reuseValue?: boolean;
}

/**
 * Checks one parsed JSON value against the session record schema. The record returned is a
 * normalised copy (with `reuseValue`, maybe the value itself): `null` fields absent, `variant`
 * set from `session_type` when only that is given, absent fields filled from `defaults`.
 *
 * A valid record takes a fast path (`fastRecord`) that gives what the schema gives; the
 * schema itself (`validateWithSchema`) only sees what the fast path does not accept, and says
 * what is wrong with it.
 */
export function validateRecord(
  value: unknown,
  defaults: RecordDefaults = NO_DEFAULTS,
  options: ValidateOptions = {},
): ValidationResult {
  const record = fastRecord(value, defaults, options.reuseValue === true);
  return record === undefined ? validateWithSchema(value, defaults) : { record };
}

/** `validateRecord` by the zod schema alone: the reference the fast path is tested against. */
export function validateWithSchema(
  value: unknown,
  defaults: RecordDefaults = NO_DEFAULTS,
): ValidationResult {
  if (!isPlainObject(value)) {
    return { problems: [{ field: '', message: `expected a JSON object, got ${kindOf(value)}` }] };
  }
  const parsed = sessionRecordSchema.safeParse(value);
  const problems = missingRequired(value, defaults);
  if (!parsed.success) problems.push(...problemsFromIssues(parsed.error.issues, value));
  crossFieldProblems(value, problems);
  const hasNull = checkOtherFields(value, problems);
  if (problems.length > 0 || !parsed.success) return { problems };
  return { record: normalise(parsed.data as Record<string, unknown>, defaults, hasNull) };
}

/** Whether a named field's non-null value is valid; the field by its `FIELD_INDEX`. */
function isValidField(index: number, value: unknown): boolean {
  // A switch, not a table of functions: one call site per check, which V8 can inline.
  switch (FIELD_NAMES[index]) {
    case 'success':
      return typeof value === 'boolean';
    case 'tool_calls':
    case 'successful_tool_calls':
    case 'message_count':
    case 'user_corrections':
      return isCount(value);
    case 'completion_time_seconds':
      return isDuration(value);
    case 'errors':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'start_time':
    case 'end_time':
      return isTimestamp(value);
    case 'metrics':
      return isMetrics(value);
    case 'notes':
      return typeof value === 'string';
    default:
      return isLabel(value);
  }
}

/**
 * The record `validateWithSchema` gives for a valid value, without zod's cost (a payload object
 * per field); undefined when the value is invalid, or unusual enough (`__proto__`, undefined
 * values) to leave to the schema. The same checks as the schema's, one pass over the fields.
 */
function fastRecord(
  value: unknown,
  defaults: RecordDefaults,
  reuseValue: boolean,
): SessionRecord | undefined {
  if (!isPlainObject(value)) return undefined;
  /** Whether the value has only named fields, in the schema's order: what zod's copy would be. */
  let schemaShaped = true;
  let previous = -1;
  let hasNull = false;
  for (const field in value) {
    const item = value[field];
    const index = fieldIndex(field, previous);
    if (index === undefined) {
      schemaShaped = false;
      if (field === '__proto__') return undefined;
      if (typeof item === 'object' && item !== null && !nestsWithin(item, MAX_NESTING)) {
        return undefined;
      }
      continue;
    }
    if (index < previous) schemaShaped = false;
    previous = index;
    if (item === null) hasNull = true;
    else if (!isValidField(index, item)) return undefined;
  }
  if (
    value.session_id == null ||
    (value.variant == null && value.session_type == null && defaults.variant === undefined) ||
    (value.task_id == null && defaults.task_id === undefined)
  ) {
    return undefined;
  }
  const { tool_calls: calls, successful_tool_calls: successful } = value;
  if (isCount(calls) && isCount(successful) && successful > calls) return undefined;
  const { variant, session_type: sessionType } = value;
  if (isLabel(variant) && isLabel(sessionType) && variant !== sessionType) return undefined;
  const record = schemaShaped && reuseValue ? value : schemaOrderCopy(value);
  return normalise(record, defaults, hasNull);
}

/**
 * `FIELD_INDEX.get(field)`, looking first at the fields after `previous`: JSON keys and the
 * names here are interned, so comparing them is cheap, and records mostly keep the schema's order.
 */
function fieldIndex(field: string, previous: number): number | undefined {
  for (let index = previous + 1; index < FIELD_NAMES.length; index++) {
    if (FIELD_NAMES[index] === field) return index;
  }
  return FIELD_INDEX.get(field);
}

/** A copy as zod's `looseObject` makes it: the named fields in the schema's order, then the rest. */
function schemaOrderCopy(value: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const field of FIELD_INDEX.keys()) if (field in value) copy[field] = value[field];
  for (const field in value) if (!FIELD_INDEX.has(field)) copy[field] = value[field];
  return copy;
}

const NO_DEFAULTS: RecordDefaults = {};

function missingRequired(value: Record<string, unknown>, defaults: RecordDefaults): FieldProblem[] {
  const missing: string[] = [];
  if (value.session_id == null) missing.push('session_id');
  if (value.variant == null && value.session_type == null && defaults.variant === undefined) {
    missing.push('variant');
  }
  if (value.task_id == null && defaults.task_id === undefined) missing.push('task_id');
  return missing.map((field) => ({ field, message: 'required, missing' }));
}

/** Adds the problems that involve two fields to `problems`. */
function crossFieldProblems(value: Record<string, unknown>, problems: FieldProblem[]): void {
  const { tool_calls: calls, successful_tool_calls: successful } = value;
  if (isCount(calls) && isCount(successful) && successful > calls) {
    problems.push({
      field: 'successful_tool_calls',
      message: `expected at most tool_calls (${calls}), got ${successful}`,
    });
  }
  const { variant, session_type: sessionType } = value;
  if (isLabel(variant) && isLabel(sessionType) && variant !== sessionType) {
    const expected = `the same value as variant (${describeValue(variant)})`;
    problems.push({
      field: 'session_type',
      message: `expected ${expected}, got ${describeValue(sessionType)}`,
    });
  }
}

/**
 * One pass over the fields for what the schema leaves out: extra fields nested too deep to be
 * written back out are problems. Returns whether a named field is null, to be dropped.
 */
function checkOtherFields(value: Record<string, unknown>, problems: FieldProblem[]): boolean {
  let hasNull = false;
  for (const field in value) {
    const item = value[field];
    if (item === null) {
      hasNull ||= FIELD_INDEX.has(field);
    } else if (
      typeof item === 'object' &&
      !FIELD_INDEX.has(field) &&
      !nestsWithin(item, MAX_NESTING)
    ) {
      problems.push({
        field,
        message: `expected at most ${MAX_NESTING} levels of nesting, got more`,
      });
    }
  }
  return hasNull;
}

/** One plain message per field, saying what was expected and what was found. */
function problemsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  value: Record<string, unknown>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const [key, ...rest] = issue.path.map(String);
    const path = issue.path.join('.');
    if (key === undefined || seen.has(path)) continue;
    seen.add(path);
    const found = value[key];
    if (key === 'metrics') {
      problems.push(...metricsProblems(found));
    } else if (key === 'errors' && rest[0] !== undefined) {
      const item = (found as unknown[])[Number(rest[0])];
      problems.push({
        field: `errors[${rest[0]}]`,
        message: `expected a string, got ${describeValue(item)}`,
      });
    } else {
      problems.push({
        field: key,
        message: `expected ${EXPECTED[key]}, got ${describeValue(found)}`,
      });
    }
  }
  return problems;
}

function metricsProblems(metrics: unknown): FieldProblem[] {
  if (!isPlainObject(metrics)) {
    return [
      { field: 'metrics', message: `expected ${EXPECTED.metrics}, got ${describeValue(metrics)}` },
    ];
  }
  const problems: FieldProblem[] = [];
  for (const name in metrics) {
    const metric = metrics[name];
    if (name === '') {
      problems.push({ field: 'metrics', message: 'expected non-empty metric names, got ""' });
    } else if (!isMetricValue(metric)) {
      problems.push({
        field: `metrics.${name}`,
        message: `expected a number or boolean, got ${describeValue(metric)}`,
      });
    }
  }
  return problems;
}

/**
 * `null` fields become absent and `session_type` gives `variant`; absent fields take the defaults.
 * Fields are set to undefined, never deleted: `delete` makes V8 rebuild the object, costing as
 * much as the whole validation.
 */
function normalise(
  record: Record<string, unknown>,
  defaults: RecordDefaults,
  hasNull: boolean,
): SessionRecord {
  if (hasNull) {
    for (const field in NAMED_FIELDS) if (record[field] === null) record[field] = undefined;
  }
  record.variant ??= record.session_type;
  for (const field in defaults) {
    const fallback = defaults[field as keyof RecordDefaults];
    if (record[field] === undefined && fallback !== undefined) record[field] = fallback;
  }
  return record as SessionRecord;
}
