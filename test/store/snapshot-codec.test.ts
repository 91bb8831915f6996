import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/store/format.js';
import { SnapshotError } from '../../src/store/snapshot-codec.js';
import { readFromText, snapshotFiles } from './snapshot-io.js';
import { stored } from './stored.js';

const snapshot: Snapshot = {
  manifest: {
    format: 'ab-verdict-store',
    schemaVersion: 1,
    experiment: 'exp',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-02T00:00:00.000Z',
    sessions: 2,
    covers: [4, 7],
    history: [
      {
        runId: 7,
        attempt: 1,
        sha: 'abc',
        time: '2025-01-02T00:00:00.000Z',
        sessions: { control: 1, treatment: 1 },
        verdict: 'inconclusive',
        lift: { estimate: -0.1, ci: [-0.3, 0.1] },
        method: 'sequential',
      },
    ],
  },
  sessions: [stored('a'), stored('b', { variant: 'warm' })],
};

async function reason(
  files: { manifest?: string; sessions?: string | Buffer },
  experiment = 'exp',
): Promise<string> {
  try {
    await readFromText(files, experiment);
  } catch (error) {
    if (error instanceof SnapshotError) return error.reason;
    throw error;
  }
  throw new Error('parsed');
}

describe('the snapshot format', () => {
  it('reads back what it writes, line by line, with the count and bytes it vouches for', async () => {
    const files = await snapshotFiles(snapshot);
    // In 7-byte chunks: lines and characters cut between chunks read whole.
    const read = await readFromText(files, 'exp', 7);
    expect(read.problems).toEqual([]);
    expect(read.complete).toBe(true);
    const bytes = Buffer.byteLength(files.sessions);
    expect(read.snapshot).toEqual({
      ...snapshot,
      manifest: { ...snapshot.manifest, sessionsBytes: bytes },
    });
    expect(JSON.parse(files.manifest)).toMatchObject({ sessions: 2, sessionsBytes: bytes });
  });

  it('refuses a newer format with a clear message, never a silent reset', async () => {
    const manifest = JSON.stringify({ ...snapshot.manifest, schemaVersion: 2, somethingNew: true });
    expect(await reason({ manifest, sessions: '' })).toMatch(
      /written by a newer ab-verdict \(store schemaVersion 2.*upgrade/,
    );
  });

  it('refuses another experiment, a foreign manifest and missing files', async () => {
    const files = await snapshotFiles(snapshot);
    expect(await reason(files, 'other')).toBe('it holds experiment "exp", expected "other"');
    expect(await reason({ manifest: '{"name":"x"}', sessions: '' })).toMatch(
      /not an ab-verdict store manifest/,
    );
    expect(await reason({ manifest: '{', sessions: '' })).toMatch(
      /manifest.json is not valid JSON/,
    );
    expect(await reason({ sessions: '' })).toBe('no manifest.json in it');
    expect(await reason({ manifest: files.manifest })).toBe('no sessions.jsonl in it');
  });

  it('refuses a line longer than a snapshot line may be, or not UTF-8, naming the line', async () => {
    const { manifest, sessions } = await snapshotFiles(snapshot);
    const unvouched = JSON.stringify({ ...JSON.parse(manifest), sessionsBytes: undefined });
    const long = `${sessions}${'x'.repeat(9 << 20)}\n`;
    expect(await reason({ manifest: unvouched, sessions: long })).toMatch(
      /^sessions.jsonl:3: longer than 8388608 bytes, the longest a line may be; not a file ab-verdict wrote$/,
    );
    const latin1 = Buffer.from(`${sessions}{"record": "caf\xe9"}\n`, 'latin1');
    expect(await reason({ manifest: unvouched, sessions: latin1 })).toBe(
      'sessions.jsonl:3: not UTF-8 text; not a file ab-verdict wrote',
    );
  });

  it('leaves out bad lines, naming the line and field, keeps the rest, and is then incomplete', async () => {
    const { sessions, manifest } = await snapshotFiles(snapshot);
    const bad = [
      sessions.trimEnd(),
      '{"record": {"session_id": "c", "variant": "cold", "task_id": "t", "tool_calls": -1}, "provenance": {"runId": 1, "attempt": 1, "commit": null, "time": "2025-01-01T00:00:00Z", "source": "x"}}',
      'not json',
      '{"record": {"session_id": "d", "variant": "cold", "task_id": "t"}, "provenance": {"time": "yesterday"}}',
    ].join('\n');
    const unvouched = JSON.stringify({ ...JSON.parse(manifest), sessionsBytes: undefined });
    const read = await readFromText({ manifest: unvouched, sessions: bad });
    expect(read.snapshot.sessions.map((s) => s.record.session_id)).toEqual(['a', 'b']);
    expect(read.problems[0]).toBe(
      'sessions.jsonl:3: record.tool_calls: expected a whole number >= 0, got -1; left out',
    );
    expect(read.problems[1]).toMatch(/^sessions.jsonl:4: not valid JSON/);
    expect(read.problems[2]).toMatch(/^sessions.jsonl:5: provenance: /);
    expect(read.complete).toBe(false);
    expect(read.incompleteBecause).toBe('its sessions.jsonl has 5 lines, its manifest counts 2');
  });

  it('reads only the bytes its manifest vouches for: an unfinished append is not read', async () => {
    const { sessions, manifest } = await snapshotFiles(snapshot);
    const read = await readFromText({ manifest, sessions: `${sessions}{"record": {"sess` });
    expect(read.snapshot.sessions).toHaveLength(2);
    expect(read.problems).toEqual([]);
    expect(read.complete).toBe(true);
  });

  it('a session on two lines is one session: the later line wins', async () => {
    const { sessions } = await snapshotFiles(snapshot);
    const later = JSON.stringify({
      record: { ...stored('a').record, tool_calls: 99 },
      provenance: { ...stored('a').provenance, time: '2025-03-01T00:00:00.000Z' },
    });
    const text = `${sessions}${later}\n`;
    const manifest = JSON.stringify({
      ...snapshot.manifest,
      sessions: 3,
      sessionsBytes: Buffer.byteLength(text),
    });
    const read = await readFromText({ manifest, sessions: text });
    expect(read.snapshot.sessions.map((s) => [s.record.session_id, s.record.tool_calls])).toEqual([
      ['a', 99],
      ['b', 10],
    ]);
    expect(read.complete).toBe(true);
  });
});
