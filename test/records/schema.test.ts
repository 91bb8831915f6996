import { describe, expect, it } from 'vitest';
import { validateRecord, type ValidationResult } from '../../src/records/schema.js';

const BASE = { session_id: 's-1', variant: 'warm', task_id: 't-1' };

/** The problems of an invalid value as `field: message` lines. */
function problemsOf(result: ValidationResult): string[] {
  if ('record' in result) throw new Error(`expected problems, got ${JSON.stringify(result)}`);
  return result.problems.map(({ field, message }) => (field ? `${field}: ${message}` : message));
}

function recordOf(result: ValidationResult) {
  if ('problems' in result) throw new Error(`expected a record, got ${problemsOf(result)}`);
  return result.record;
}

describe('validateRecord', () => {
  it('accepts a full record and keeps every field', () => {
    const value = {
      ...BASE,
      experiment: 'warm-vs-cold',
      success: true,
      tool_calls: 5,
      successful_tool_calls: 4,
      completion_time_seconds: 12.5,
      message_count: 7,
      user_corrections: 0,
      errors: ['timeout'],
      category: 'debugging',
      difficulty: 'hard',
      start_time: '2024-05-01T12:00:00Z',
      end_time: '2024-05-01T12:00:12.5+02:00',
      metrics: { cost_usd: 0.12, cached: true },
      notes: '',
      model: 'claude',
      context: { sessions: ['a', 'b'] },
    };
    expect(recordOf(validateRecord(value))).toEqual(value);
  });

  it('says which required fields are missing', () => {
    expect(problemsOf(validateRecord({}))).toEqual([
      'session_id: required, missing',
      'variant: required, missing',
      'task_id: required, missing',
    ]);
  });

  it('says what was expected and what was found, one message per field', () => {
    const value = {
      ...BASE,
      session_id: '',
      success: 'yes',
      tool_calls: 'five',
      successful_tool_calls: -1,
      completion_time_seconds: -0.5,
      message_count: 1.5,
      user_corrections: 1e20,
      errors: ['ok', 3],
      category: 7,
      start_time: '2024-13-01',
      end_time: 'yesterday',
      notes: ['a'],
    };
    expect(problemsOf(validateRecord(value))).toEqual([
      'session_id: expected a non-empty string, got ""',
      'success: expected true or false, got "yes"',
      'tool_calls: expected a whole number >= 0, got "five"',
      'successful_tool_calls: expected a whole number >= 0, got -1',
      'completion_time_seconds: expected a number >= 0, got -0.5',
      'message_count: expected a whole number >= 0, got 1.5',
      'user_corrections: expected a whole number >= 0, got 100000000000000000000',
      'errors[1]: expected a string, got 3',
      'category: expected a non-empty string, got 7',
      'start_time: expected an ISO 8601 date-time like "2024-05-01T12:00:00Z", got "2024-13-01"',
      'end_time: expected an ISO 8601 date-time like "2024-05-01T12:00:00Z", got "yesterday"',
      'notes: expected a string, got ["a"]',
    ]);
  });

  it('checks that successful tool calls are at most the tool calls', () => {
    const value = { ...BASE, tool_calls: 5, successful_tool_calls: 7 };
    expect(problemsOf(validateRecord(value))).toEqual([
      'successful_tool_calls: expected at most tool_calls (5), got 7',
    ]);
  });

  it('checks custom metrics by name', () => {
    const value = { ...BASE, metrics: { cost_usd: { a: 1 }, tokens: 'many', ok: 1, '': 2 } };
    expect(problemsOf(validateRecord(value))).toEqual([
      'metrics.cost_usd: expected a number or boolean, got {"a":1}',
      'metrics.tokens: expected a number or boolean, got "many"',
      'metrics: expected non-empty metric names, got ""',
    ]);
    expect(problemsOf(validateRecord({ ...BASE, metrics: [1, 2] }))).toEqual([
      'metrics: expected an object of numbers or booleans, got [1,2]',
    ]);
  });

  it('cuts long found values short', () => {
    const value = { ...BASE, tool_calls: 'a very long text that goes on and on and on' };
    expect(problemsOf(validateRecord(value))).toEqual([
      'tool_calls: expected a whole number >= 0, got "a very long text that goes on and on an…',
    ]);
  });

  it('takes session_type as the variant, the seed name', () => {
    const record = recordOf(
      validateRecord({ session_id: 's', session_type: 'cold', task_id: 't' }),
    );
    expect(record.variant).toBe('cold');
  });

  it('reports a session_type that differs from the variant', () => {
    const value = { ...BASE, session_type: 'cold' };
    expect(problemsOf(validateRecord(value))).toEqual([
      'session_type: expected the same value as variant ("warm"), got "cold"',
    ]);
    expect(recordOf(validateRecord({ ...value, session_type: 'warm' })).variant).toBe('warm');
  });

  it('treats null as absent for named fields and keeps extra nulls as they are', () => {
    const value = { ...BASE, success: null, metrics: null, end_time: null, extra: null };
    const record = recordOf(validateRecord(value));
    expect(record.success).toBeUndefined();
    expect(record.metrics).toBeUndefined();
    expect(record.end_time).toBeUndefined();
    expect(record.extra).toBeNull();
    expect(JSON.parse(JSON.stringify(record))).toEqual({ ...BASE, extra: null });
  });

  it('fills absent fields from the defaults, never present ones', () => {
    const defaults = { variant: 'cold', task_id: 'task', experiment: 'exp', category: 'c' };
    const filled = recordOf(validateRecord({ session_id: 's', variant: null }, defaults));
    expect(filled).toMatchObject({
      variant: 'cold',
      task_id: 'task',
      experiment: 'exp',
      category: 'c',
    });
    const own = recordOf(validateRecord({ ...BASE, experiment: 'mine' }, defaults));
    expect(own).toMatchObject({ variant: 'warm', task_id: 't-1', experiment: 'mine' });
    const typed = recordOf(validateRecord({ ...BASE, session_type: 'warm' }, defaults));
    expect(typed.variant).toBe('warm');
  });

  it('does not change the value it was given', () => {
    const value = { session_id: 's', session_type: 'cold', task_id: 't', notes: null };
    validateRecord(value, { experiment: 'exp' });
    expect(value).toEqual({ session_id: 's', session_type: 'cold', task_id: 't', notes: null });
  });

  it('rejects a value that is not an object', () => {
    expect(problemsOf(validateRecord([1]))).toEqual(['expected a JSON object, got an array']);
    expect(problemsOf(validateRecord('s'))).toEqual(['expected a JSON object, got a string']);
    expect(problemsOf(validateRecord(null))).toEqual(['expected a JSON object, got null']);
  });

  it('accepts the usual ISO 8601 forms and rejects others', () => {
    const accepted = [
      '2024-05-01',
      '2024-05-01T12:00',
      '2024-05-01T12:00:00',
      '2024-05-01T12:00:00.123456',
      '2024-05-01 12:00:00',
      '2024-05-01T12:00:00Z',
      '2024-05-01T12:00:00-0530',
      '2024-05-01T23:59:60+00:00',
    ];
    for (const time of accepted) {
      expect(validateRecord({ ...BASE, start_time: time }), time).toHaveProperty('record');
    }
    const rejected = [
      '',
      '2024-5-1',
      '2024-05-01T25:00',
      '2024-05-32',
      '12:00',
      '2024-05-01T12:00Zx',
    ];
    for (const time of rejected) {
      expect(validateRecord({ ...BASE, start_time: time }), time).toHaveProperty('problems');
    }
  });

  it('reports absurd nesting without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(problemsOf(validateRecord({ ...BASE, metrics: { a: deep } }))).toEqual([
      'metrics.a: expected a number or boolean, got {"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":…',
    ]);
    expect(problemsOf(validateRecord({ ...BASE, trace: deep }))).toEqual([
      'trace: expected at most 100 levels of nesting, got more',
    ]);
    expect(problemsOf(validateRecord({ ...BASE, errors: [deep] }))).toEqual([
      'errors[0]: expected a string, got {"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":…',
    ]);
  });
});
