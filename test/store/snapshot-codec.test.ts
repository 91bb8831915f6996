import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/store/format.js';
import { parseSnapshot, serializeSnapshot, SnapshotError } from '../../src/store/snapshot-codec.js';
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

function reason(files: { manifest?: string; sessions?: string }, experiment = 'exp'): string {
  try {
    parseSnapshot(files, experiment);
  } catch (error) {
    if (error instanceof SnapshotError) return error.reason;
    throw error;
  }
  throw new Error('parsed');
}

describe('the snapshot format', () => {
  it('reads back what it writes', () => {
    const { snapshot: read, problems } = parseSnapshot(serializeSnapshot(snapshot), 'exp');
    expect(problems).toEqual([]);
    expect(read).toEqual(snapshot);
  });

  it('refuses a newer format with a clear message, never a silent reset', () => {
    const manifest = JSON.stringify({ ...snapshot.manifest, schemaVersion: 2, somethingNew: true });
    expect(reason({ manifest, sessions: '' })).toMatch(
      /written by a newer ab-verdict \(store schemaVersion 2.*upgrade/,
    );
  });

  it('refuses another experiment, a foreign manifest and missing files', () => {
    const files = serializeSnapshot(snapshot);
    expect(reason(files, 'other')).toBe('it holds experiment "exp", expected "other"');
    expect(reason({ manifest: '{"name":"x"}', sessions: '' })).toMatch(
      /not an ab-verdict store manifest/,
    );
    expect(reason({ manifest: '{', sessions: '' })).toMatch(/manifest.json is not valid JSON/);
    expect(reason({ sessions: '' })).toBe('no manifest.json in it');
    expect(reason({ manifest: files.manifest })).toBe('no sessions.jsonl in it');
  });

  it('leaves out bad lines, naming the line and field, and keeps the rest', () => {
    const { sessions, manifest } = serializeSnapshot(snapshot);
    const bad = [
      sessions.trimEnd(),
      '{"record": {"session_id": "c", "variant": "cold", "task_id": "t", "tool_calls": -1}, "provenance": {"runId": 1, "attempt": 1, "commit": null, "time": "2025-01-01T00:00:00Z", "source": "x"}}',
      'not json',
      '{"record": {"session_id": "d", "variant": "cold", "task_id": "t"}, "provenance": {"time": "yesterday"}}',
    ].join('\n');
    const { snapshot: read, problems } = parseSnapshot({ manifest, sessions: bad }, 'exp');
    expect(read.sessions.map((s) => s.record.session_id)).toEqual(['a', 'b']);
    expect(problems[0]).toBe(
      'sessions.jsonl:3: record.tool_calls: expected a whole number >= 0, got -1; left out',
    );
    expect(problems[1]).toMatch(/^sessions.jsonl:4: not valid JSON/);
    expect(problems[2]).toMatch(/^sessions.jsonl:5: provenance: /);
  });
});
