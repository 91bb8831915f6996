import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NameTaken, type ArtifactService } from '../../src/store/artifact-service.js';
import { ArtifactStore } from '../../src/store/artifact-store.js';
import type { StoreLog } from '../../src/store/backend.js';
import type { Snapshot } from '../../src/store/format.js';
import type { ListedArtifact } from '../../src/store/read-plan.js';
import { deflateEntry, rawZip } from '../support/fake-github/raw-zip.js';
import { zipOf } from '../support/fake-github/zips.js';
import { snapshotFiles } from './snapshot-io.js';
import { manifestOf, stored } from './stored.js';

/** Artifacts in memory: uploads zip the files, names are unique per "run". */
class MemoryArtifacts implements ArtifactService {
  readonly artifacts: (ListedArtifact & { zip: Buffer })[] = [];
  readonly listed: string[] = [];
  private lastId = 0;
  private clock = Date.parse('2025-01-01T00:00:00Z');
  private readonly runNames = new Set<string>();

  /** Uploads that fail: `lost` ones are stored all the same (a reply lost after the fact). */
  failUploads: ('lost' | 'failed')[] = [];
  private readonly thisRun: number[] = [];

  async list(name: string) {
    this.listed.push(name);
    return this.artifacts.filter((a) => a.name === name);
  }

  async listOfThisRun(name: string) {
    return this.artifacts.filter((a) => a.name === name && this.thisRun.includes(a.id));
  }

  async download(artifact: ListedArtifact, path: string) {
    const found = this.artifacts.find((a) => a.id === artifact.id);
    if (found?.expired) return 'expired' as const;
    writeFileSync(path, found?.zip ?? Buffer.alloc(0));
    return 'done' as const;
  }

  async upload(name: string, dir: string, files: string[]) {
    if (this.runNames.has(name)) throw new NameTaken(name);
    this.runNames.add(name);
    const failure = this.failUploads.shift();
    if (failure === 'failed') throw new Error('Unable to make request: ECONNRESET');
    const zip = await zipOf(
      Object.fromEntries(files.map((f) => [f.slice(dir.length + 1), readFileSync(f)])),
    );
    const { id } = this.add(name, zip);
    this.thisRun.push(id);
    if (failure === 'lost') throw new Error('Unable to make request: ECONNRESET');
    return { id };
  }

  add(name: string, zip: Buffer, extra: Partial<ListedArtifact> = {}) {
    const artifact = {
      id: ++this.lastId,
      name,
      sizeInBytes: zip.length,
      createdAt: new Date((this.clock += 60_000)).toISOString(),
      expired: false,
      digest: null,
      fromFork: false,
      zip,
      ...extra,
    };
    this.artifacts.push(artifact);
    return artifact;
  }

  /** A new workflow run: names are free again. */
  nextRun() {
    this.runNames.clear();
    this.thisRun.length = 0;
  }
}

function collectingLog() {
  const lines: { level: string; message: string }[] = [];
  const log: StoreLog = {
    info: () => undefined,
    notice: (message) => lines.push({ level: 'notice', message }),
    warning: (message) => lines.push({ level: 'warning', message }),
  };
  return { lines, log };
}

function store(service: MemoryArtifacts, log: StoreLog) {
  return new ArtifactStore({
    experiment: 'exp',
    service,
    log,
    now: new Date('2025-02-01T00:00:00Z'),
    lookbackDays: 90,
    retentionDays: undefined,
    tempDir: mkdtempSync(join(tmpdir(), 'ab-store-test-')),
  });
}

function snapshot(ids: string[], covers: number[] = []): Snapshot {
  return {
    manifest: manifestOf({ sessions: ids.length, covers }),
    sessions: ids.map((id) => stored(id)),
  };
}

describe('ArtifactStore', () => {
  it('writes a snapshot and reads it back; a taken name moves to -2', async () => {
    const service = new MemoryArtifacts();
    const { log, lines } = collectingLog();
    const first = await store(service, log).write(snapshot(['a', 'b']));
    const second = await store(service, log).write(
      snapshot(['a', 'b', 'c'], [first.artifactId ?? 0]),
    );
    expect(first.label).toBe('artifact ab-verdict-exp (id 1)');
    expect(second.label).toBe('artifact ab-verdict-exp-2 (id 2)');
    const read = await store(service, log).read();
    // -2 is newest and covers 1: one download.
    expect(read.snapshots.map((s) => s.id)).toEqual([2]);
    expect(read.snapshots[0]?.snapshot.sessions.map((s) => s.record.session_id)).toEqual([
      'a',
      'b',
      'c',
    ]);
    // Every name is listed, whichever exist.
    expect(service.listed).toHaveLength(20);
    expect(service.listed.slice(0, 3)).toEqual([
      'ab-verdict-exp',
      'ab-verdict-exp-2',
      'ab-verdict-exp-3',
    ]);
    expect(lines).toEqual([]);
  });

  it('skips a corrupt artifact with a warning naming it, and reads the others', async () => {
    const service = new MemoryArtifacts();
    const { log, lines } = collectingLog();
    await store(service, log).write(snapshot(['a']));
    service.add('ab-verdict-exp', Buffer.from('not a zip'));
    const read = await store(service, log).read();
    expect(read.snapshots.map((s) => s.id)).toEqual([1]);
    expect(read.skipped).toEqual([
      { label: 'artifact ab-verdict-exp (id 2)', reason: expect.stringMatching(/corrupt/) },
    ]);
    expect(lines[0]).toMatchObject({
      level: 'warning',
      message: expect.stringContaining('(id 2) was skipped'),
    });
  });

  it('does not read artifacts of fork runs', async () => {
    const service = new MemoryArtifacts();
    const { log, lines } = collectingLog();
    await store(service, log).write(snapshot(['a']));
    const zip = service.artifacts[0]?.zip ?? Buffer.alloc(0);
    service.nextRun();
    service.add('ab-verdict-exp', zip, { fromFork: true });
    const read = await store(service, log).read();
    expect(read.snapshots.map((s) => s.id)).toEqual([1]);
    expect(lines.map((l) => l.level)).toEqual(['notice']);
    expect(read.skipped[0]?.reason).toMatch(/fork/);
  });

  it('reads back what it wrote however well it compresses: 200 sessions of 400 equal errors', async () => {
    const service = new MemoryArtifacts();
    const { log, lines } = collectingLog();
    const errors = Array.from({ length: 400 }, () => 'ECONNRESET: the tool server hung up');
    const sessions = Array.from({ length: 200 }, (_, i) => {
      const session = stored(`e${i}`);
      return { ...session, record: { ...session.record, errors } };
    });
    await store(service, log).write({ ...snapshot([]), sessions });
    const zip = service.artifacts[0]!.zip;
    const inflated = sessions.reduce((n, s) => n + JSON.stringify(s).length + 1, 0);
    // The case the old guard refused as a zip bomb: over 200:1.
    expect(inflated / zip.length).toBeGreaterThan(200);
    const read = await store(service, log).read();
    expect(read.snapshots[0]?.snapshot.sessions).toHaveLength(200);
    expect(read.skipped).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('finds the snapshots under every name, whichever names are missing', async () => {
    const service = new MemoryArtifacts();
    const { log } = collectingLog();
    const zipOfSnapshot = async (ids: string[]) => zipOfFiles(await snapshotFiles(snapshot(ids)));
    service.add('ab-verdict-exp-3', await zipOfSnapshot(['a']));
    service.add('ab-verdict-exp-7', await zipOfSnapshot(['b']));
    service.add('ab-verdict-exp-20', await zipOfSnapshot(['c']));
    const read = await store(service, log).read();
    const ids = read.snapshots.flatMap((s) => s.snapshot.sessions.map((x) => x.record.session_id));
    expect(ids.sort()).toEqual(['a', 'b', 'c']);
  });

  it.each([
    ['empty', (files: { manifest: string; sessions: string }) => ({ ...files, sessions: '' })],
    [
      'partly rejected',
      (files: { manifest: string; sessions: string }) => ({
        manifest: files.manifest,
        sessions: files.sessions.replace('"variant":"cold"', '"variant":7'),
      }),
    ],
    [
      'cut short',
      (files: { manifest: string; sessions: string }) => ({
        manifest: files.manifest,
        sessions: files.sessions.slice(0, files.sessions.indexOf('\n') + 1),
      }),
    ],
  ])(
    'a snapshot whose sessions.jsonl is %s: its covers are not believed, what it covers is read',
    async (_, damage) => {
      const service = new MemoryArtifacts();
      const { log, lines } = collectingLog();
      const ids = Array.from({ length: 20 }, (_, i) => `s${i}`);
      const covered = service.add(
        'ab-verdict-exp',
        await zipOfFiles(await snapshotFiles(snapshot(ids))),
      );
      const files = damage(await snapshotFiles(snapshot(ids, [covered.id])));
      const claimed = service.add('ab-verdict-exp', await zipOfFiles(files));
      const read = await store(service, log).read();
      const union = new Set(
        read.snapshots.flatMap((s) => s.snapshot.sessions.map((x) => x.record.session_id)),
      );
      expect(union.size).toBe(20);
      expect(read.snapshots.map((s) => [s.id, s.complete])).toEqual([
        [claimed.id, false],
        [covered.id, true],
      ]);
      expect(lines.map((l) => l.message).join('\n')).toContain(
        `(id ${claimed.id}) does not hold all it says`,
      );
    },
  );

  it.each([
    ['missing', { 'manifest.json': 'M' }],
    ['a symbolic link', 'link'],
  ])(
    'a snapshot whose sessions.jsonl is %s is skipped, and what it covers is read',
    async (_, kind) => {
      const service = new MemoryArtifacts();
      const { log } = collectingLog();
      const ids = ['a', 'b', 'c'];
      const covered = service.add(
        'ab-verdict-exp',
        await zipOfFiles(await snapshotFiles(snapshot(ids))),
      );
      const { manifest } = await snapshotFiles(snapshot(ids, [covered.id]));
      const zip =
        kind === 'link' ? symlinkZip(manifest) : await zipOf({ 'manifest.json': manifest });
      const bad = service.add('ab-verdict-exp', zip);
      const read = await store(service, log).read();
      expect(read.snapshots.map((s) => s.id)).toEqual([covered.id]);
      expect(read.skipped.map((s) => s.label)).toEqual([`artifact ab-verdict-exp (id ${bad.id})`]);
    },
  );

  it('an upload whose reply was lost is found in the service: stored once, not reported lost', async () => {
    const service = new MemoryArtifacts();
    const { log } = collectingLog();
    service.failUploads = ['lost'];
    const written = await store(service, log).write(snapshot(['a']));
    expect(written).toEqual({ label: 'artifact ab-verdict-exp (id 1)', artifactId: 1 });
    expect(service.artifacts).toHaveLength(1);
  });

  it('an upload that really failed is tried again, under the next name if its own is taken', async () => {
    const service = new MemoryArtifacts();
    const { log } = collectingLog();
    service.failUploads = ['failed'];
    const written = await store(service, log).write(snapshot(['a']));
    expect(written.label).toBe('artifact ab-verdict-exp-2 (id 1)');
    service.failUploads = ['failed', 'failed', 'failed'];
    service.nextRun();
    await expect(store(service, log).write(snapshot(['a']))).rejects.toThrow(/ECONNRESET/);
  });
});

/** The files of a snapshot zipped as an artifact holds them. */
function zipOfFiles(files: { manifest: string; sessions: string }): Promise<Buffer> {
  return zipOf({ 'manifest.json': files.manifest, 'sessions.jsonl': files.sessions });
}

/** A zip whose sessions.jsonl is a symbolic link to /etc/passwd, as `zip --symlinks` makes. */
function symlinkZip(manifest: string): Buffer {
  const zip = rawZip([
    deflateEntry('manifest.json', Buffer.from(manifest)),
    deflateEntry('sessions.jsonl', Buffer.from('/etc/passwd')),
  ]);
  const second = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  zip.writeUInt16LE((3 << 8) | 20, second + 4);
  zip.writeUInt32LE((0o120777 << 16) >>> 0, second + 38);
  return zip;
}
