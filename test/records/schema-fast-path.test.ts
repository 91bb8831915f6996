import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  sessionRecordSchema,
  validateRecord,
  validateWithSchema,
  type RecordDefaults,
  type ValidationResult,
} from '../../src/records/schema.js';
import { pick, random, validRecord, type Random } from './session-lines.js';

const FIELDS = Object.keys(sessionRecordSchema.shape);

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

/** Values a field might hold, valid for some fields and not for others. */
const ODD_VALUES: unknown[] = [
  null,
  '',
  'x',
  'cold',
  0,
  -0,
  -1,
  1.5,
  2 ** 53,
  7,
  Infinity,
  NaN,
  true,
  false,
  [],
  ['a'],
  ['a', 1],
  [null],
  {},
  { a: 1 },
  { '': 1 },
  { a: 'x' },
  { a: true, b: 2.5 },
  { a: Infinity },
  { a: null },
  '2024-05-01',
  '2024-05-01T12:00:00Z',
  '2024-13-01',
  'yesterday',
  nested(50),
  nested(100),
  nested(101),
];

const DEFAULTS: RecordDefaults[] = [
  {},
  { experiment: 'exp' },
  { variant: 'cold', task_id: 'task', experiment: 'exp', category: 'c', difficulty: 'd' },
  { task_id: 'task' },
];

function shuffled<T>(next: Random, items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** A record, valid or broken in one or more ways. */
function candidate(next: Random): Record<string, unknown> {
  let value = validRecord(next, `s${Math.floor(next() * 10)}`, 2);
  const changes = next() < 0.4 ? 0 : 1 + Math.floor(next() * 3);
  for (let i = 0; i < changes; i++) {
    const roll = next();
    if (roll < 0.45) value[pick(next, FIELDS)] = pick(next, ODD_VALUES);
    else if (roll < 0.6) delete value[pick(next, FIELDS)];
    else if (roll < 0.7)
      value[pick(next, ['extra', 'constructor', 'toString', '1', 'z'])] = pick(next, ODD_VALUES);
    else if (roll < 0.8) value.session_type = pick(next, [value.variant, 'cold', 'warm', null, 3]);
    else if (roll < 0.9) {
      value.tool_calls = Math.floor(next() * 3);
      value.successful_tool_calls = Math.floor(next() * 4);
    } else value.metrics = pick(next, ODD_VALUES);
  }
  if (next() < 0.3) value = Object.fromEntries(shuffled(next, Object.entries(value)));
  return value;
}

/** The result with the record's keys in order and every value, undefined ones too. */
function shown(result: ValidationResult) {
  if ('problems' in result) return result;
  return { keys: Object.keys(result.record), entries: Object.entries(result.record) };
}

/** A deep copy that keeps what JSON cannot hold (undefined, NaN, Infinity, -0). */
const copyOf = <T>(value: T): T => structuredClone(value);

/**
 * `expect(actual).toStrictEqual(expected)`, made only when the two differ by Node's strict deep
 * equality (as strict: keys, undefined values, -0, prototypes): over 20,000 records, building the
 * expectations cost more than the validation they check.
 */
function expectSame(actual: unknown, expected: unknown, message: string): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, message).toStrictEqual(expected);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('validateRecord: the fast path', () => {
  it('gives what the schema gives, for many valid and invalid records', () => {
    const safeParse = vi.spyOn(sessionRecordSchema, 'safeParse');
    let valid = 0;
    let invalid = 0;
    for (let seed = 1; seed <= 20_000; seed++) {
      const next = random(seed);
      const value = candidate(next);
      const defaults = pick(next, DEFAULTS);
      const expected = validateWithSchema(copyOf(value), defaults);
      safeParse.mockClear();
      const got = validateRecord(copyOf(value), defaults);
      const reused = validateRecord(copyOf(value), defaults, { reuseValue: true });
      expectSame(shown(got), shown(expected), `seed ${seed}`);
      expectSame(shown(reused), shown(expected), `seed ${seed}`);
      if ('record' in expected) {
        valid++;
        // Exactly what the schema accepts: no valid record needed the schema.
        if (safeParse.mock.calls.length > 0)
          expect(safeParse, `seed ${seed}`).not.toHaveBeenCalled();
      } else {
        invalid++;
      }
    }
    // Both kinds were tried in numbers.
    expect(Math.min(valid, invalid)).toBeGreaterThan(5000);
  });

  it('leaves __proto__ and undefined values to the schema, with the same result', () => {
    const base = { session_id: 's', variant: 'cold', task_id: 't' };
    const values = [
      JSON.parse('{"session_id": "s", "variant": "cold", "task_id": "t", "__proto__": {"a": 1}}'),
      { ...base, notes: undefined },
      { ...base, extra: undefined },
    ];
    for (const value of values) {
      expect(shown(validateRecord(copyOf(value)))).toStrictEqual(
        shown(validateWithSchema(copyOf(value))),
      );
    }
  });

  it('reuses the value only when asked to, and only when zod would copy it as it is', () => {
    const inOrder = { session_id: 's', variant: 'cold', task_id: 't', tool_calls: 1 };
    const result = validateRecord(inOrder, {}, { reuseValue: true });
    expect('record' in result && result.record).toBe(inOrder);
    const copied = validateRecord(inOrder);
    expect('record' in copied && copied.record).not.toBe(inOrder);
    const reordered = { task_id: 't', session_id: 's', variant: 'cold' };
    const fromReordered = validateRecord(reordered, {}, { reuseValue: true });
    expect('record' in fromReordered && Object.keys(fromReordered.record)).toEqual([
      'session_id',
      'variant',
      'task_id',
    ]);
  });
});
