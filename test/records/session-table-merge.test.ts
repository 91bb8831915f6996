import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../src/records/schema.js';
import {
  ColumnarSessionTable,
  partBuffers,
  type TableOptions,
} from '../../src/records/session-table.js';
import type { SessionRecord } from '../../src/records/types.js';
import { EXTRA_FIELDS, pick, random, validRecord, type Random } from './session-lines.js';
import { tableSnapshot } from './table-snapshot.js';

/** `count` valid records over `ids` ids, as the reader would hand them to the table. */
function records(next: Random, count: number, ids: number, extraFields = false): SessionRecord[] {
  const made: SessionRecord[] = [];
  for (let i = 0; i < count; i++) {
    const repeat = made.length > 0 && next() < 0.2;
    const labelPool = 1 + Math.floor((i / count) * 5);
    const value = repeat
      ? { ...pick(next, made) }
      : validRecord(next, `s${Math.floor(next() * ids)}`, labelPool, extraFields);
    const result = validateRecord(value);
    if ('record' in result) made.push(result.record);
  }
  return made;
}

/** Cuts `items` into `count` consecutive pieces of random sizes (some may be empty). */
function cut<T>(next: Random, items: T[], count: number): T[][] {
  const cuts = Array.from({ length: count - 1 }, () => Math.floor(next() * (items.length + 1)));
  const bounds = [0, ...cuts.sort((a, b) => a - b), items.length];
  return bounds.slice(1).map((end, i) => items.slice(bounds[i], end));
}

/** The table of each piece after the first as a part, sent through a structured clone. */
function mergedTable(pieces: SessionRecord[][], options: TableOptions = {}): ColumnarSessionTable {
  const [first = [], ...rest] = pieces;
  const table = new ColumnarSessionTable(options);
  for (const record of first) table.add(record);
  for (const piece of rest) {
    const partTable = new ColumnarSessionTable({ ...options, trackFirstContents: true });
    for (const record of piece) partTable.add(record);
    const part = partTable.toPart();
    table.merge(structuredClone(part, { transfer: partBuffers(part) }));
  }
  return table;
}

function sequentialTable(all: SessionRecord[], options: TableOptions = {}): ColumnarSessionTable {
  const table = new ColumnarSessionTable(options);
  for (const record of all) table.add(record);
  return table;
}

describe('ColumnarSessionTable.merge', () => {
  it('gives the table of adding every record in order, for many random files and cuts', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const count = Math.floor(next() * 400);
      const all = records(next, count, 1 + Math.floor(next() * count * 0.8));
      const pieces = cut(next, all, 2 + Math.floor(next() * 4));
      const expected = tableSnapshot(sequentialTable(all));
      expect(tableSnapshot(mergedTable(pieces)), `seed ${seed}`).toEqual(expected);
    }
  });

  it('merges extra label columns as it merges the built-in ones', () => {
    const options = { extraLabels: EXTRA_FIELDS };
    for (let seed = 1; seed <= 150; seed++) {
      const next = random(seed);
      const count = Math.floor(next() * 400);
      const all = records(next, count, 1 + Math.floor(next() * count * 0.8), true);
      const pieces = cut(next, all, 2 + Math.floor(next() * 4));
      const expected = tableSnapshot(sequentialTable(all, options), EXTRA_FIELDS);
      expect(tableSnapshot(mergedTable(pieces, options), EXTRA_FIELDS), `seed ${seed}`).toEqual(
        expected,
      );
    }
  });

  it('finds a conflict in an extra label alone across a merge, and refuses other columns', () => {
    const options = { extraLabels: ['model'] };
    const a = (model: unknown): SessionRecord => ({
      session_id: 'a',
      variant: 'cold',
      task_id: 't',
      model,
    });
    const table = mergedTable([[a('x')], [a('x')], [a('y')], [a(null)]], options);
    expect(table.duplicates).toMatchObject({ identical: 1, conflicting: 2 });
    expect([...table.codes('model')]).toEqual([-1]);
    expect(table.labels('model')).toEqual(['x', 'y']);
    const plain = new ColumnarSessionTable({ trackFirstContents: true });
    plain.add(a('x'));
    expect(() => table.merge(plain.toPart())).toThrow(/label columns/);
  });

  it('grows past its capacity to take a large part', () => {
    const next = random(7);
    const all = records(next, 5000, 4000);
    const pieces = [all.slice(0, 700), all.slice(700, 4000), all.slice(4000)];
    expect(tableSnapshot(mergedTable(pieces))).toEqual(tableSnapshot(sequentialTable(all)));
  });

  it('keeps the first 20 conflicting ids in the order the conflicts happened', () => {
    const base = (id: string, calls: number): SessionRecord => ({
      session_id: id,
      variant: 'cold',
      task_id: 't',
      tool_calls: calls,
    });
    const first = Array.from({ length: 30 }, (_, i) => base(`s${i}`, 1));
    // The second piece re-reports s0..s29 identically, then changes them from the last one down,
    // each one twice: conflicts found inside the piece only, in an order the merge must keep.
    const second = [
      ...first,
      ...first.map((r) => ({ ...r, tool_calls: 2 })).reverse(),
      ...first.map((r) => ({ ...r, tool_calls: 3 })),
    ];
    // The third re-reports some differently right away (conflicts found by the merge) between
    // its own conflicts.
    const third = [base('s5', 9), base('new', 1), base('new', 2), base('s1', 9), base('s7', 3)];
    const table = mergedTable([first, second, third]);
    expect(tableSnapshot(table)).toEqual(
      tableSnapshot(sequentialTable([...first, ...second, ...third])),
    );
    expect(table.duplicates.conflictingIds).toEqual(
      Array.from({ length: 20 }, (_, i) => `s${29 - i}`),
    );
  });

  it('lets later records find the rows a merge added', () => {
    const table = mergedTable([[], [{ session_id: 'a', variant: 'cold', task_id: 't' }]]);
    expect(table.add({ session_id: 'a', variant: 'cold', task_id: 't' })).toBe('identical');
    expect(table.add({ session_id: 'a', variant: 'warm', task_id: 't' })).toBe('conflict');
    expect(table.size).toBe(1);
  });
});
