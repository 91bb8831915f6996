import { describe, expect, it } from 'vitest';
import { estimateSessions } from '../../src/store/estimate-sessions.js';
import type { HistoryEntry, Snapshot, StoredSession } from '../../src/store/format.js';
import { sessions } from '../action/sessions.js';
import { crc32, deflateRawSync } from 'node:zlib';
import { rawZip } from '../support/fake-github/raw-zip.js';
import { snapshotFiles } from './snapshot-io.js';
import { manifestOf } from './stored.js';

const look = (i: number): HistoryEntry => ({
  runId: 1000 + i,
  attempt: 1,
  sha: 'a'.repeat(40),
  time: new Date(Date.UTC(2025, 0, 1) + i * 3600_000).toISOString(),
  sessions: { control: i, treatment: i },
  verdict: 'inconclusive',
  lift: { estimate: -0.1 + i / 1000, ci: [-0.3, 0.1] },
  method: 'sequential',
});

function snapshotOf(prefix: string, perArm: number): Snapshot {
  const stored: StoredSession[] = sessions({ prefix, perArm, experiment: 'exp' }).map(
    (record, i) => ({
      record: record as unknown as StoredSession['record'],
      provenance: {
        runId: 2000 + (i % 50),
        attempt: 1,
        commit: 'b'.repeat(40),
        time: new Date(Date.UTC(2025, 1, 1) + i * 1000).toISOString(),
        source: 'results/results.jsonl',
      },
    }),
  );
  return {
    manifest: manifestOf({
      updatedAt: '2025-03-01T00:00:00.000Z',
      sessions: stored.length,
      history: Array.from({ length: 200 }, (_, i) => look(i)),
    }),
    sessions: stored,
  };
}

/** The size of the snapshot's zip as @actions/artifact makes it (level 9, as the Action asks). */
async function zipSize(snapshot: Snapshot): Promise<number> {
  const files = await snapshotFiles(snapshot);
  const entry = (name: string, text: string) => {
    const data = Buffer.from(text);
    return {
      name,
      deflated: deflateRawSync(data, { level: 9 }),
      crc32: crc32(data),
      size: data.length,
    };
  };
  return rawZip([entry('sessions.jsonl', files.sessions), entry('manifest.json', files.manifest)])
    .length;
}

describe('the estimate of the sessions an unread artifact holds', () => {
  it('is near 60 for an artifact of 60 sessions, judged by a store of 1,000 (it said ~245)', async () => {
    const store = snapshotOf('store', 500);
    const lost = await zipSize(snapshotOf('lost', 30));
    // The old estimate: its size over the store's compressed bytes per session.
    const old = lost / ((await zipSize(store)) / 1000);
    expect(old).toBeGreaterThan(150);
    const estimate = estimateSessions(lost, store)!;
    expect(estimate).toBeGreaterThanOrEqual(45);
    expect(estimate).toBeLessThanOrEqual(75);
  });

  it('goes beyond the sessions it compresses for an artifact larger than them', async () => {
    const like = snapshotOf('like', 100);
    const big = await zipSize(snapshotOf('big', 2500));
    const estimate = estimateSessions(big, like)!;
    expect(estimate).toBeGreaterThan(3500);
    expect(estimate).toBeLessThan(7000);
  });

  it('is unknown without sessions to judge by', () => {
    expect(estimateSessions(5000, { ...snapshotOf('none', 0) })).toBeNull();
  });
});
