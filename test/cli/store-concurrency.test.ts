import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonl } from '../support/run-cli.js';
import { exported, readJson, session, spawnStore, storeAsync, tempDir } from './store-cli.js';

/** `count` sessions of one writer, in files of `perFile`. */
function writerFiles(cwd: string, writer: string, count: number, perFile: number): string[] {
  const files: string[] = [];
  for (let start = 0; start < count; start += perFile) {
    const name = `${writer}-${start}.jsonl`;
    const records = Array.from({ length: Math.min(perFile, count - start) }, (_, i) =>
      session(`${writer}-${start + i}`, (start + i) % 2 === 0 ? 'cold' : 'warm'),
    );
    writeFileSync(join(cwd, name), jsonl(records));
    files.push(name);
  }
  return files;
}

function expectAllStoredOnce(cwd: string, ids: string[]): void {
  const records = exported(spawnStore(['export', 'race'], { cwd }).stdout);
  const stored = records.map((record) => String(record.session_id));
  expect(stored).toHaveLength(ids.length);
  expect(new Set(stored)).toEqual(new Set(ids));
  expect(readJson(join(cwd, '.ab-verdict', 'race', 'manifest.json')).sessions).toBe(ids.length);
  // No lock, no temporary file left behind.
  expect(readdirSync(join(cwd, '.ab-verdict', 'race')).sort()).toEqual([
    'manifest.json',
    'sessions.jsonl',
  ]);
}

const ids = (writer: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${writer}-${i}`);

describe('two processes writing one experiment at once lose nothing', () => {
  it('two adds of 300 sessions each, started together: all 600 stored once', async () => {
    const cwd = tempDir();
    expect(spawnStore(['create', 'race', '--description', 'two writers'], { cwd }).status).toBe(0);
    const [a] = writerFiles(cwd, 'a', 300, 300);
    const [b] = writerFiles(cwd, 'b', 300, 300);
    const results = await Promise.all([
      storeAsync(['add', 'race', a!], { cwd }),
      storeAsync(['add', 'race', b!], { cwd }),
    ]);
    for (const result of results) {
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain('Read 300 sessions: 300 new ones.');
    }
    expectAllStoredOnce(cwd, [...ids('a', 300), ...ids('b', 300)]);
  });

  it('two writers adding 300 sessions each in 20 interleaved adds: all 600 stored once', async () => {
    const cwd = tempDir();
    expect(spawnStore(['create', 'race', '--description', 'two writers'], { cwd }).status).toBe(0);
    const writer = async (name: string) => {
      for (const file of writerFiles(cwd, name, 300, 15)) {
        const result = await storeAsync(['add', 'race', file], { cwd });
        expect(result.status, result.stderr).toBe(0);
        expect(result.stderr).toBe('');
      }
    };
    await Promise.all([writer('a'), writer('b')]);
    expectAllStoredOnce(cwd, [...ids('a', 300), ...ids('b', 300)]);
  });
});
