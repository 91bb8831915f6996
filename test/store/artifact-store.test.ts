import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NameTaken, type ArtifactService } from '../../src/store/artifact-service.js';
import { ArtifactStore } from '../../src/store/artifact-store.js';
import type { StoreLog } from '../../src/store/backend.js';
import type { Snapshot } from '../../src/store/format.js';
import type { ListedArtifact } from '../../src/store/read-plan.js';
import { zipOf } from '../support/fake-github/zips.js';
import { stored } from './stored.js';

/** Artifacts in memory: uploads zip the files, names are unique per "run". */
class MemoryArtifacts implements ArtifactService {
  readonly artifacts: (ListedArtifact & { zip: Buffer })[] = [];
  readonly listed: string[] = [];
  private lastId = 0;
  private clock = Date.parse('2025-01-01T00:00:00Z');
  private readonly runNames = new Set<string>();

  async list(name: string) {
    this.listed.push(name);
    return this.artifacts.filter((a) => a.name === name).reverse();
  }

  async download(artifact: ListedArtifact) {
    const found = this.artifacts.find((a) => a.id === artifact.id);
    return found?.expired ? ('expired' as const) : (found?.zip ?? Buffer.alloc(0));
  }

  async upload(name: string, dir: string, files: string[]) {
    if (this.runNames.has(name)) throw new NameTaken(name);
    this.runNames.add(name);
    const zip = await zipOf(
      Object.fromEntries(files.map((f) => [f.slice(dir.length + 1), readFileSync(f)])),
    );
    return { id: this.add(name, zip).id };
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
    manifest: {
      format: 'ab-verdict-store',
      schemaVersion: 1,
      experiment: 'exp',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      sessions: ids.length,
      covers,
      history: [],
    },
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
    expect(service.listed).toEqual(['ab-verdict-exp', 'ab-verdict-exp-2', 'ab-verdict-exp-3']);
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
});
