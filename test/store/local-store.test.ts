import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoreLog } from '../../src/store/backend.js';
import { DirStore, StoreFolderError } from '../../src/store/dir-store.js';
import { mergeMeta } from '../../src/store/experiment-meta.js';
import type { HistoryEntry, Snapshot, StoredSession } from '../../src/store/format.js';
import { ExperimentExists, ExperimentNotFound, LocalStore } from '../../src/store/local-store.js';
import { snapshotOf, updateStore } from '../../src/store/update.js';
import { readFromText, snapshotFiles } from './snapshot-io.js';
import { stored } from './stored.js';

const log: StoreLog = { info: () => undefined, notice: () => undefined, warning: () => undefined };
const T1 = '2025-01-01T00:00:00.000Z';
const T2 = '2025-02-01T00:00:00.000Z';
const NOW = new Date('2025-03-01T00:00:00.000Z');
const root = () => mkdtempSync(join(tmpdir(), 'ab-local-'));

function snapshot(sessions: StoredSession[], fields: Partial<Snapshot['manifest']> = {}): Snapshot {
  return {
    manifest: {
      format: 'ab-verdict-store',
      schemaVersion: 1,
      experiment: 'exp',
      createdAt: T1,
      updatedAt: T1,
      sessions: sessions.length,
      covers: [],
      history: [],
      ...fields,
    },
    sessions,
  };
}

const look: HistoryEntry = {
  runId: 7,
  attempt: 1,
  sha: 'abc',
  time: NOW.toISOString(),
  sessions: { control: 1, treatment: 0 },
  verdict: 'insufficient-data',
  lift: null,
  method: 'sequential',
};

describe('experiment fields in the manifest', () => {
  it('are optional: a manifest without them reads as before', async () => {
    const files = await snapshotFiles(snapshot([stored('a')]));
    const { snapshot: read, problems } = await readFromText(files);
    expect(problems).toEqual([]);
    expect(Object.keys(read.manifest).sort()).toEqual([
      'covers',
      'createdAt',
      'experiment',
      'format',
      'history',
      'schemaVersion',
      'sessions',
      'sessionsBytes',
      'updatedAt',
    ]);
  });

  it('round-trip through the files, and one of the wrong type is dropped, not fatal', async () => {
    const meta = {
      description: 'Warm vs cold',
      prompt: 'Fix it',
      category: 'bugfix',
      difficulty: 'hard',
      control: 'base',
      treatment: 'new',
      seed: { test_id: 'exp', task: { description: 'Warm vs cold' } },
    };
    const files = await snapshotFiles(snapshot([], meta));
    expect((await readFromText(files)).snapshot.manifest).toMatchObject(meta);
    const odd = JSON.stringify({ ...JSON.parse(files.manifest), description: 42, seed: 'x' });
    const read = (await readFromText({ manifest: odd, sessions: '' })).snapshot.manifest;
    expect(read).not.toHaveProperty('description');
    expect(read).not.toHaveProperty('seed');
    expect(read.prompt).toBe('Fix it');
  });

  it("are carried through the Action's merge: each from the newest snapshot that has it", () => {
    const prior = [
      {
        id: 11,
        label: 'a',
        snapshot: snapshot([stored('a')], { updatedAt: T2, description: 'new words' }),
        complete: true,
      },
      {
        id: 10,
        label: 'b',
        snapshot: snapshot([stored('b')], { description: 'old words', category: 'bugfix' }),
        complete: true,
      },
    ];
    const update = updateStore(prior, [stored('c', { time: NOW.toISOString() })]);
    expect(update.meta).toEqual({ description: 'new words', category: 'bugfix' });
    const next = snapshotOf(update, 'exp', look, NOW);
    expect(next.manifest).toMatchObject({
      description: 'new words',
      category: 'bugfix',
      sessions: 3,
    });
    // And a snapshot that has none (an old build's) takes nothing away.
    expect(
      mergeMeta([next.manifest, snapshot([], { updatedAt: NOW.toISOString() }).manifest]),
    ).toEqual({
      description: 'new words',
      category: 'bugfix',
    });
  });
});

describe('DirStore writes', () => {
  it('merge with what another writer stored since this one read: nothing is lost', async () => {
    const dir = root();
    const a = new DirStore(dir, 'exp', log);
    const b = new DirStore(dir, 'exp', log);
    // Both read an empty store, then write what they have: a's sessions, then b's.
    expect((await a.read()).snapshots).toEqual([]);
    expect((await b.read()).snapshots).toEqual([]);
    await a.write(snapshot([stored('a1'), stored('a2')], { description: 'from a' }), [
      stored('a1'),
      stored('a2'),
    ]);
    await b.write(snapshot([stored('b1')], { covers: [5], history: [look], updatedAt: T2 }), [
      stored('b1'),
    ]);
    const [read] = (await a.read()).snapshots;
    expect(read?.snapshot.sessions.map((s) => s.record.session_id)).toEqual(['a1', 'a2', 'b1']);
    expect(read?.snapshot.manifest).toMatchObject({
      sessions: 3,
      covers: [5],
      description: 'from a',
      history: [look],
    });
    expect(readdirSync(join(dir, 'exp')).sort()).toEqual(['manifest.json', 'sessions.jsonl']);
  });
});

describe('LocalStore', () => {
  it('creates, adds with dedupe and conflicts, lists, deletes', async () => {
    const store = new LocalStore(root(), { display: '.ab-verdict' });
    await store.create('exp', { description: 'd', difficulty: 'easy' }, NOW);
    await expect(store.create('exp', {}, NOW)).rejects.toBeInstanceOf(ExperimentExists);
    expect(await store.has('exp')).toBe(true);
    expect(await store.manifest('exp')).toMatchObject({ description: 'd', sessions: 0 });

    const first = await store.add('exp', [stored('a'), stored('b', { variant: 'warm' })], NOW);
    expect(first).toMatchObject({ added: 2, alreadyStored: 0, conflicts: [], created: false });
    expect(first.stored).toEqual({ cold: 1, warm: 1 });
    const later = new Date(NOW.getTime() + 1000);
    const second = await store.add(
      'exp',
      [
        stored('a'),
        stored('b', { variant: 'warm', calls: 30, time: later.toISOString() }),
        stored('c'),
        stored('c'),
      ],
      later,
    );
    expect(second).toMatchObject({ added: 1, alreadyStored: 1, repeated: 1, conflicts: ['b'] });
    const { snapshot: read } = await store.get('exp');
    expect(read.sessions.find((s) => s.record.session_id === 'b')?.record.tool_calls).toBe(30);
    expect(read.sessions).toHaveLength(3);
    // Appended, not rewritten: b's new record is a fourth line, the later one winning.
    expect(read.manifest).toMatchObject({
      sessions: 4,
      updatedAt: later.toISOString(),
      createdAt: NOW.toISOString(),
      description: 'd',
    });

    // The analysis streams the same store into a table: three sessions, b as replaced.
    const { table } = await store.table('exp', []);
    expect(table.size).toBe(3);
    expect([...table.column('tool_calls')]).toEqual([10, 30, 10]);

    await store.create('another', { description: 'e' }, NOW);
    const listed = await store.list();
    expect(
      listed.map((entry) => ('experiment' in entry ? entry.experiment.id : entry.problem)),
    ).toEqual(['another', 'exp']);
    expect((await store.delete('exp')).snapshot.sessions).toHaveLength(3);
    expect(await store.ids()).toEqual(['another']);
    expect(readdirSync(store.root)).toEqual(['another']);
  });

  it('appends: add-result writes its one line after the bytes already stored, untouched', async () => {
    const dir = root();
    const store = new LocalStore(dir);
    await store.create('exp', {}, NOW);
    await store.add(
      'exp',
      Array.from({ length: 500 }, (_, i) => stored(`s${i}`)),
      NOW,
    );
    const file = join(dir, 'exp', 'sessions.jsonl');
    const before = readFileSync(file);
    const inode = statSync(file).ino;
    await store.add('exp', [stored('one-more')], NOW);
    const after = readFileSync(file);
    expect(statSync(file).ino).toBe(inode);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(after.subarray(before.length).toString()).toMatch(
      /^\{"record":\{"session_id":"one-more"[^\n]*\n$/,
    );
  });

  it('names the experiments it holds when asked for one it does not', async () => {
    const store = new LocalStore(root(), { display: '.ab-verdict' });
    await store.create('b', {}, NOW);
    await store.create('a', {}, NOW);
    for (const attempt of [
      () => store.get('c'),
      () => store.add('c', [stored('x')], NOW),
      () => store.delete('c'),
      () => store.manifest('c'),
    ]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ExperimentNotFound);
      expect((error as Error).message).toBe(
        'no experiment "c" in store .ab-verdict (experiments: a, b)',
      );
    }
  });

  it('creates on add when asked to, keeping the fields an experiment has over an import’s', async () => {
    const store = new LocalStore(root());
    const created = await store.add('exp', [stored('a')], NOW, {
      meta: { description: 'from the seed', category: 'x' },
      createdAt: T1,
    });
    expect(created.created).toBe(true);
    expect(await store.manifest('exp')).toMatchObject({
      description: 'from the seed',
      createdAt: T1,
    });
    await store.add('exp', [stored('a')], NOW, { meta: { description: 'other', prompt: 'p' } });
    expect(await store.manifest('exp')).toMatchObject({
      description: 'from the seed',
      prompt: 'p',
      category: 'x',
    });
  });

  it('will not rewrite a store whose lines it cannot read (that would drop them)', async () => {
    const dir = root();
    const store = new LocalStore(dir);
    await store.create('exp', {}, NOW);
    await store.add('exp', [stored('a')], NOW);
    // A line this build cannot read (a newer build's, say), that the manifest counts.
    const sessions = join(dir, 'exp', 'sessions.jsonl');
    const manifestPath = join(dir, 'exp', 'manifest.json');
    writeFileSync(sessions, `${readFileSync(sessions, 'utf8')}{"record": {"session_id": 5}}\n`);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const vouched = { ...manifest, sessions: 2, sessionsBytes: readFileSync(sessions).length };
    writeFileSync(manifestPath, JSON.stringify(vouched));
    const before = readFileSync(sessions, 'utf8');
    await expect(store.add('exp', [stored('b')], NOW)).rejects.toThrow(
      /has session lines that cannot be read, and writing would drop them:\nsessions\.jsonl:2: record\.variant: required/,
    );
    expect(readFileSync(sessions, 'utf8')).toBe(before);
    // Reading still works, and says which line was left out.
    expect((await store.get('exp')).problems).toHaveLength(3);
  });

  it('lists a folder it cannot read as such, and ignores tombstones and half-made folders', async () => {
    const dir = root();
    const store = new LocalStore(dir);
    await store.create('ok', {}, NOW);
    mkdirSync(join(dir, 'newer'));
    writeFileSync(
      join(dir, 'newer', 'manifest.json'),
      JSON.stringify({ format: 'ab-verdict-store', schemaVersion: 2, experiment: 'newer' }),
    );
    mkdirSync(join(dir, '.ok.deleted-0123456789ab'));
    mkdirSync(join(dir, 'half'));
    const listed = await store.list();
    expect(listed).toHaveLength(2);
    expect('experiment' in listed[1]! && listed[1].experiment.id).toBe('ok');
    expect('problem' in listed[0]! && listed[0].problem).toMatch(/newer ab-verdict/);
    await expect(store.get('newer')).rejects.toBeInstanceOf(StoreFolderError);
    await store.delete('ok');
    expect(readdirSync(dir).sort()).toEqual(['half', 'newer']);
  });
});
