import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/store/format.js';
import {
  canonicalJson,
  mergeHistories,
  SessionUnion,
  unionOfCovers,
} from '../../src/store/merge.js';
import { updateStore } from '../../src/store/update.js';
import { stored } from './stored.js';

const T1 = '2025-01-01T00:00:00.000Z';
const T2 = '2025-01-02T00:00:00.000Z';

describe('SessionUnion', () => {
  it('counts a session seen twice once, and keeps its first provenance', () => {
    const union = new SessionUnion();
    expect(union.add(stored('a', { runId: 1 }))).toBe('added');
    expect(union.add(stored('a', { runId: 2, time: T2 }))).toBe('identical');
    expect(union.size).toBe(1);
    expect(union.sessions()[0]?.provenance.runId).toBe(1);
    expect(union.identical).toBe(1);
    expect(union.conflicts).toEqual([]);
  });

  it('on a conflict the later provenance time wins, whatever the order, and the id is reported', () => {
    for (const order of [
      [stored('a', { calls: 10, time: T1 }), stored('a', { calls: 20, time: T2 })],
      [stored('a', { calls: 20, time: T2 }), stored('a', { calls: 10, time: T1 })],
    ]) {
      const union = new SessionUnion();
      for (const session of order) union.add(session);
      expect(union.sessions().map((s) => s.record.tool_calls)).toEqual([20]);
      expect(union.conflicts).toEqual(['a']);
    }
  });

  it('on a tie the one added last wins', () => {
    const union = new SessionUnion();
    union.add(stored('a', { calls: 10 }));
    expect(union.add(stored('a', { calls: 11 }))).toBe('replaced');
    expect(union.sessions()[0]?.record.tool_calls).toBe(11);
  });

  it('lists sessions oldest first', () => {
    const union = new SessionUnion();
    union.add(stored('late', { time: T2 }));
    union.add(stored('early', { time: T1 }));
    expect(union.sessions().map((s) => s.record.session_id)).toEqual(['early', 'late']);
  });

  it('compares records whatever their key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(
      canonicalJson({ a: { c: 3, d: 2 }, b: 1 }),
    );
  });
});

describe('covers and history', () => {
  it('covers are transitive: the ids read and everything they covered', () => {
    expect(
      unionOfCovers([
        { id: 9, covers: [5, 3] },
        { id: 8, covers: [5, 1] },
      ]),
    ).toEqual([1, 3, 5, 8, 9]);
  });

  it('keeps one history entry per run attempt, oldest first', () => {
    const look = (runId: number, attempt: number, time: string) => ({
      runId,
      attempt,
      sha: null,
      time,
      sessions: { control: 1, treatment: 1 },
      verdict: 'inconclusive',
      lift: null,
      method: 'sequential',
    });
    const merged = mergeHistories([
      [look(1, 1, T1), look(2, 1, T2)],
      [look(1, 1, T1), look(1, 2, '2025-01-01T12:00:00.000Z')],
    ]);
    expect(merged.map((h) => `${h.runId}.${h.attempt}`)).toEqual(['1.1', '1.2', '2.1']);
  });
});

describe('updateStore', () => {
  const snapshot = (covers: number[], sessions: ReturnType<typeof stored>[]): Snapshot => ({
    manifest: {
      format: 'ab-verdict-store',
      schemaVersion: 1,
      experiment: 'exp',
      createdAt: T1,
      updatedAt: T1,
      sessions: sessions.length,
      covers,
      history: [],
    },
    sessions,
  });

  it('merges overlapping snapshots and this run, counting new, already stored and conflicts', () => {
    const prior = [
      {
        id: 12,
        label: 'a',
        snapshot: snapshot([10], [stored('s1'), stored('s2')]),
        complete: true,
      },
      {
        id: 11,
        label: 'b',
        snapshot: snapshot([10], [stored('s1'), stored('s3')]),
        complete: true,
      },
      // Read, but not all of it: its sessions count, neither its id nor its covers do.
      { id: 9, label: 'c', snapshot: snapshot([8], [stored('s1')]), complete: false },
    ];
    const fresh = [
      stored('s2', { time: T2 }),
      stored('s3', { calls: 30, time: T2 }),
      stored('s4', { time: T2 }),
    ];
    const update = updateStore(prior, fresh);
    expect(
      update.union
        .sessions()
        .map((s) => s.record.session_id)
        .sort(),
    ).toEqual(['s1', 's2', 's3', 's4']);
    expect(update.added).toBe(1);
    expect([...update.addedIds]).toEqual(['s4']);
    expect(update.alreadyStored).toBe(1);
    // Overlap between snapshots is by design: not a duplicate. The changed s3 is a conflict.
    expect(update.duplicates).toEqual({ identical: 1, conflicting: 1, conflictingIds: ['s3'] });
    // Only complete snapshots are covered: a build that can read all of 9 still will.
    expect(update.covers).toEqual([10, 11, 12]);
    expect(update.createdAt).toBe(T1);
  });
});

describe('SessionUnion cost', () => {
  it('serialises a record only to compare it with another of the same id', () => {
    let serialised = 0;
    const counted = (id: string, calls = 10) => {
      const session = stored(id, { calls });
      const record = { ...session.record, toJSON: () => (serialised++, { ...session.record }) };
      return { ...session, record: record as typeof session.record };
    };
    const union = new SessionUnion();
    for (let i = 0; i < 1000; i++) union.add(counted(`s${i}`));
    expect(serialised).toBe(0);
    union.add(counted('s7'));
    union.add(counted('s8', 11));
    // Each repeat serialises itself and, once, the record it meets.
    expect(serialised).toBe(4);
    expect(union.identical).toBe(1);
    expect(union.conflicts).toEqual(['s8']);
  });
});
