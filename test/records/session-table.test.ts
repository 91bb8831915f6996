import { describe, expect, it } from 'vitest';
import { ColumnarSessionTable } from '../../src/records/session-table.js';
import type { SessionRecord } from '../../src/records/types.js';

function session(id: string, fields: Partial<SessionRecord> = {}): SessionRecord {
  return { session_id: id, variant: 'warm', task_id: 't-1', ...fields };
}

describe('ColumnarSessionTable', () => {
  it('keeps one row per session with label codes and numeric columns', () => {
    const table = new ColumnarSessionTable();
    table.add(session('a', { variant: 'cold', success: true, tool_calls: 5, category: 'x' }));
    table.add(session('b', { success: false, completion_time_seconds: 2.5 }));
    expect(table.size).toBe(2);
    expect(table.labels('variant')).toEqual(['cold', 'warm']);
    expect([...table.codes('variant')]).toEqual([0, 1]);
    expect([...table.codes('category')]).toEqual([0, -1]);
    expect([...table.codes('experiment')]).toEqual([-1, -1]);
    expect([...table.column('success')]).toEqual([1, 0]);
    expect([...table.column('tool_calls')]).toEqual([5, NaN]);
    expect([...table.column('completion_time_seconds')]).toEqual([NaN, 2.5]);
    expect(table.columnNames()).toEqual(['success', 'tool_calls', 'completion_time_seconds']);
  });

  it('creates a metric column on first sight, NaN for earlier rows, booleans as 1/0', () => {
    const table = new ColumnarSessionTable();
    table.add(session('a'));
    table.add(session('b', { metrics: { cost_usd: 0.5, cached: true } }));
    table.add(session('c', { metrics: { cached: false } }));
    expect([...table.column('metrics.cost_usd')]).toEqual([NaN, 0.5, NaN]);
    expect([...table.column('metrics.cached')]).toEqual([NaN, 1, 0]);
    expect(table.columnNames()).toEqual(['metrics.cost_usd', 'metrics.cached']);
  });

  it('gives an all-NaN column of exactly size entries for an unknown name', () => {
    const table = new ColumnarSessionTable();
    table.add(session('a', { tool_calls: 1 }));
    table.add(session('b'));
    expect([...table.column('metrics.nope')]).toEqual([NaN, NaN]);
    expect([...table.column('nope')]).toEqual([NaN, NaN]);
    expect(table.column('tool_calls')).toHaveLength(2);
  });

  it('keeps extra label fields: strings, numbers and booleans as text, anything else absent', () => {
    const table = new ColumnarSessionTable({ extraLabels: ['model', 'category', 'model', 'n'] });
    table.add(session('a', { model: 'big', n: 3, category: 'x' }));
    table.add(session('b', { model: true, n: { deep: 1 } }));
    table.add(session('c', { model: null, n: [1] }));
    table.add(session('d', { model: 2.5, n: 'three' }));
    expect(table.labels('model')).toEqual(['big', 'true', '2.5']);
    expect([...table.codes('model')]).toEqual([0, 1, -1, 2]);
    expect(table.labels('n')).toEqual(['3', 'three']);
    expect([...table.codes('n')]).toEqual([0, -1, -1, 1]);
    // A built-in field named again stays the built-in column.
    expect([...table.codes('category')]).toEqual([0, -1, -1, -1]);
    // A field the table was not told to keep: no values, every row absent.
    expect(table.labels('agent_version')).toEqual([]);
    expect([...table.codes('agent_version')]).toEqual([-1, -1, -1, -1]);
    expect(new ColumnarSessionTable().labels('model')).toEqual([]);
  });

  it('compares re-reports on the extra labels too', () => {
    const table = new ColumnarSessionTable({ extraLabels: ['model'] });
    table.add(session('a', { model: 'big', tool_calls: 1 }));
    expect(table.add(session('a', { model: 'big', tool_calls: 1 }))).toBe('identical');
    expect(table.add(session('a', { model: 'small', tool_calls: 1 }))).toBe('conflict');
    expect(table.add(session('a', { tool_calls: 1 }))).toBe('conflict');
    expect(table.labels('model')).toEqual(['big', 'small']);
    expect([...table.codes('model')]).toEqual([-1]);
    expect(table.duplicates).toEqual({ identical: 1, conflicting: 2, conflictingIds: ['a'] });
    // Without the option, a field outside the table changes nothing.
    const plain = new ColumnarSessionTable();
    plain.add(session('a', { model: 'big' }));
    expect(plain.add(session('a', { model: 'small' }))).toBe('identical');
  });

  it('counts an identical re-report and changes nothing', () => {
    const table = new ColumnarSessionTable();
    const record = session('a', { tool_calls: 3, metrics: { m: 1 }, notes: 'first' });
    expect(table.add(record)).toBe('added');
    // Notes and errors are not analysed, so they do not make a conflict.
    expect(table.add({ ...record, notes: 'second' })).toBe('identical');
    expect(table.size).toBe(1);
    expect(table.duplicates).toEqual({ identical: 1, conflicting: 0, conflictingIds: [] });
  });

  it('lets a conflicting later record replace the row, and remembers its id', () => {
    const table = new ColumnarSessionTable();
    table.add(session('a', { tool_calls: 3, metrics: { m: 1 } }));
    table.add(session('b', { tool_calls: 4 }));
    expect(table.add(session('a', { tool_calls: 9, category: 'late' }))).toBe('conflict');
    expect(table.add(session('b', { tool_calls: 4, metrics: { m: 2 } }))).toBe('conflict');
    expect(table.add(session('a', { variant: 'cold' }))).toBe('conflict');
    expect(table.size).toBe(2);
    expect([...table.column('tool_calls')]).toEqual([NaN, 4]);
    expect([...table.column('metrics.m')]).toEqual([NaN, 2]);
    expect(table.labels('variant')[table.codes('variant')[0] ?? -1]).toBe('cold');
    expect([...table.codes('category')]).toEqual([-1, -1]);
    expect(table.duplicates).toEqual({ identical: 0, conflicting: 3, conflictingIds: ['a', 'b'] });
  });

  it('keeps at most 20 conflicting ids', () => {
    const table = new ColumnarSessionTable();
    for (let i = 0; i < 30; i++) table.add(session(`s${i}`, { tool_calls: 1 }));
    for (let i = 0; i < 30; i++) table.add(session(`s${i}`, { tool_calls: 2 }));
    expect(table.duplicates.conflicting).toBe(30);
    expect(table.duplicates.conflictingIds).toHaveLength(20);
  });

  it('grows past its first capacity without losing values', () => {
    const table = new ColumnarSessionTable();
    const rows = 5000;
    for (let i = 0; i < rows; i++) {
      const metrics = i >= 3000 ? { late: i } : undefined;
      table.add(session(`s${i}`, { tool_calls: i, task_id: `t${i % 7}`, metrics }));
    }
    expect(table.size).toBe(rows);
    const calls = table.column('tool_calls');
    expect(calls).toHaveLength(rows);
    expect(calls[4999]).toBe(4999);
    expect(table.codes('task_id')[4999]).toBe(4999 % 7);
    const late = table.column('metrics.late');
    expect([late[2999], late[3000], late[4999]]).toEqual([NaN, 3000, 4999]);
  });
});
