import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoreLog } from '../../src/store/backend.js';
import { DirStore, StoreFolderError } from '../../src/store/dir-store.js';
import { stored } from './stored.js';

const log: StoreLog = { info: () => undefined, notice: () => undefined, warning: () => undefined };
const snapshot = (ids: string[]) => ({
  manifest: {
    format: 'ab-verdict-store' as const,
    schemaVersion: 1 as const,
    experiment: 'exp',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    sessions: ids.length,
    covers: [],
    history: [],
  },
  sessions: ids.map((id) => stored(id)),
});

describe('DirStore', () => {
  it('is empty at first, then reads back what it wrote, leaving no temporary files', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ab-dir-'));
    const store = new DirStore(root, 'exp', log);
    expect(await store.read()).toEqual({ snapshots: [], skipped: [] });
    await store.write(snapshot(['a', 'b']), [stored('a'), stored('b')]);
    await store.write(snapshot(['a', 'b', 'c']), [stored('c')]);
    const [read] = (await store.read()).snapshots;
    expect(read?.snapshot.sessions.map((s) => s.record.session_id)).toEqual(['a', 'b', 'c']);
    expect(readdirSync(join(root, 'exp')).sort()).toEqual(['manifest.json', 'sessions.jsonl']);
  });

  it('refuses a store it cannot read and leaves it untouched', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ab-dir-'));
    mkdirSync(join(root, 'exp'));
    const manifest = JSON.stringify({ format: 'ab-verdict-store', schemaVersion: 3 });
    writeFileSync(join(root, 'exp', 'manifest.json'), manifest);
    const store = new DirStore(root, 'exp', log);
    await expect(store.read()).rejects.toThrow(StoreFolderError);
    await expect(store.read()).rejects.toThrow(/newer ab-verdict.*It was left as it is/);
    expect(readFileSync(join(root, 'exp', 'manifest.json'), 'utf8')).toBe(manifest);
  });
});
