import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonl } from '../support/run-cli.js';
import { exported, readJson, session, store, storeAsync, tempDir } from './store-cli.js';

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

/** The writers are processes; the store they leave is read in this one. */
async function expectAllStoredOnce(cwd: string, ids: string[]): Promise<void> {
  const records = exported((await store(['export', 'race'], { cwd })).stdout);
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

/**
 * The experiment the writers add to already holds this many sessions: an add reads them under the
 * lock, which it then holds long enough that two writers meet at it in most runs (with an empty
 * store, in few: the start of a process takes far longer than its write).
 */
const STORED = 30_000;
let template: string;

beforeAll(async () => {
  template = tempDir();
  const created = await store(['create', 'race', '--description', 'two writers'], {
    cwd: template,
  });
  expect(created.status).toBe(0);
  writerFiles(template, 'stored', STORED, STORED);
  expect((await store(['add', 'race', 'stored-0.jsonl'], { cwd: template })).status).toBe(0);
});

/** A folder with a copy of the template's store. */
function withStore(): string {
  const cwd = tempDir();
  cpSync(join(template, '.ab-verdict'), join(cwd, '.ab-verdict'), { recursive: true });
  return cwd;
}

describe('two processes writing one experiment at once lose nothing', () => {
  it('two adds of 300 sessions each, started together: all 600 stored once, beside those stored before', async () => {
    const cwd = withStore();
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
    await expectAllStoredOnce(cwd, [...ids('stored', STORED), ...ids('a', 300), ...ids('b', 300)]);
  });

  it('two writers adding 300 sessions each in 4 interleaved adds: all 600 stored once, beside those stored before', async () => {
    const cwd = withStore();
    const writer = async (name: string) => {
      for (const file of writerFiles(cwd, name, 300, 75)) {
        const result = await storeAsync(['add', 'race', file], { cwd });
        expect(result.status, result.stderr).toBe(0);
        expect(result.stderr).toBe('');
      }
    };
    await Promise.all([writer('a'), writer('b')]);
    await expectAllStoredOnce(cwd, [...ids('stored', STORED), ...ids('a', 300), ...ids('b', 300)]);
  });
});
