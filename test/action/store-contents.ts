import type { FakeGitHub } from '../support/fake-github/index.js';
import { readZip, zipEntries } from '../fake-github/read-zip.js';

export interface StoredSnapshot {
  id: number;
  name: string;
  runId: number;
  manifest: {
    experiment: string;
    sessions: number;
    covers: number[];
    history: {
      runId: number;
      attempt: number;
      verdict: string;
      sessions: { control: number; treatment: number };
    }[];
  };
  sessionIds: string[];
  lines: {
    record: { session_id: string };
    provenance: { runId: number; attempt: number; source: string };
  }[];
}

/** Every store artifact of an experiment in the fake, newest first, opened. */
export async function storeSnapshots(
  fake: FakeGitHub,
  experiment: string,
): Promise<StoredSnapshot[]> {
  const base = `ab-verdict-${experiment}`;
  const ours = fake.state
    .artifacts()
    .filter((a) => a.name === base || new RegExp(`^${base}-\\d+$`).test(a.name));
  const snapshots: StoredSnapshot[] = [];
  for (const artifact of ours) {
    // The broken artifacts tests plant are not snapshots: only what the action wrote is read.
    const entries = await zipEntries(artifact.zipBytes).catch(() => []);
    const names = entries.map((entry) => entry.name).sort();
    const small = entries.every((entry) => entry.size < 64 * 1024 * 1024);
    if (names.join() !== 'manifest.json,sessions.jsonl' || !small) continue;
    const files = await readZip(artifact.zipBytes).catch(() => undefined);
    if (!files) continue;
    const lines = (files['sessions.jsonl']?.toString('utf8') ?? '')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as StoredSnapshot['lines'][number]);
    snapshots.push({
      id: artifact.id,
      name: artifact.name,
      runId: artifact.runId,
      manifest: JSON.parse(
        files['manifest.json']?.toString('utf8') ?? '{}',
      ) as StoredSnapshot['manifest'],
      sessionIds: lines.map((line) => line.record.session_id),
      lines,
    });
  }
  return snapshots;
}

/** Names seen more than once. */
export function repeated(ids: string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}
