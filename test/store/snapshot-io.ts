import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Snapshot } from '../../src/store/format.js';
import { readSnapshot, writeSnapshot, type ReadSnapshot } from '../../src/store/snapshot-files.js';

/** A snapshot's two files as text, as `writeSnapshot` writes them. */
export async function snapshotFiles(
  snapshot: Snapshot,
): Promise<{ manifest: string; sessions: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ab-snapshot-'));
  await writeSnapshot(dir, snapshot);
  return {
    manifest: readFileSync(join(dir, 'manifest.json'), 'utf8'),
    sessions: readFileSync(join(dir, 'sessions.jsonl'), 'utf8'),
  };
}

/** Reads a snapshot from its files' text, streaming the sessions in chunks of `chunk` bytes. */
export function readFromText(
  files: { manifest?: string; sessions?: string | Buffer },
  experiment = 'exp',
  chunk = 64 << 10,
): Promise<ReadSnapshot> {
  return readSnapshot(
    {
      manifest: async () => files.manifest,
      sessions: async () =>
        files.sessions === undefined ? undefined : chunks(files.sessions, chunk),
    },
    experiment,
  );
}

async function* chunks(text: string | Buffer, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
