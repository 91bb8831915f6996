import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoreBackend, StoreLog, StoreRead, StoreWritten } from './backend.js';
import { mergeMeta } from './experiment-meta.js';
import {
  MANIFEST_FILE,
  SESSIONS_FILE,
  type Snapshot,
  type StoredSession,
  type StoreManifest,
} from './format.js';
import { withLock, type LockOptions } from './lock.js';
import { mergeHistories } from './merge.js';
import { experimentSlug } from './names.js';
import { manifestText, SnapshotError } from './snapshot-codec.js';
import {
  readSnapshot,
  writeSessionLines,
  type ReadOptions,
  type ReadSnapshot,
} from './snapshot-files.js';
import { checkManifestSize, SNAPSHOT_LIMITS } from './snapshot-limits.js';
import { newWinners, type Winners } from './winners.js';

/** A store folder that cannot be used; the run stops rather than overwrite what it cannot read. */
export class StoreFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreFolderError';
  }
}

/** A folder's snapshot as read, with its manifest's text (to tell whether it changed since). */
export interface FolderSnapshot extends ReadSnapshot {
  manifestText: string;
  /** Bytes of sessions.jsonl after those the manifest vouches for (a write that did not finish). */
  unvouchedBytes: number;
}

/**
 * The store in a folder: `<path>/<experiment>/manifest.json` and `sessions.jsonl`, the same files
 * as in an artifact. Writers take the folder's lock (`lock.ts`) and append: the sessions that
 * are new or win a conflict go to the end of sessions.jsonl, then the manifest, replaced
 * atomically, vouches for the new length (`appendToFolder`).
 */
export class DirStore implements StoreBackend {
  readonly description: string;
  private readonly folder: string;
  /** What `read` found: a write needs no second read when the folder is unchanged since. */
  private lastRead: FolderSnapshot | undefined;

  constructor(
    root: string,
    private readonly experiment: string,
    private readonly log: StoreLog,
    private readonly lock: LockOptions = {},
  ) {
    this.folder = join(root, experimentSlug(experiment));
    this.description = `folder ${this.folder}`;
  }

  async read(): Promise<StoreRead> {
    const read = await readFolderSnapshot(this.folder, this.experiment, this.description);
    this.lastRead = read;
    if (read === undefined) return { snapshots: [], skipped: [] };
    this.warnOf(read);
    return {
      snapshots: [
        { id: null, label: this.description, snapshot: read.snapshot, complete: read.complete },
      ],
      skipped: [],
    };
  }

  /** Appends this run's sessions that the folder lacks, and the run's look, under the lock. */
  async write(snapshot: Snapshot, fresh: readonly StoredSession[]): Promise<StoreWritten> {
    await mkdir(this.folder, { recursive: true });
    await withLock(
      this.folder,
      async () => {
        const known = await this.unchanged();
        const current =
          known ?? (await readFolderSnapshot(this.folder, this.experiment, this.description));
        if (current && !known) this.warnOf(current);
        await appendToFolder(this.folder, current, fresh, (old) =>
          old ? mergeManifests(old, snapshot.manifest) : snapshot.manifest,
        );
      },
      { notice: (message) => this.log.notice(message, 'ab-verdict: store'), ...this.lock },
    );
    return { label: this.description, artifactId: null };
  }

  /** The snapshot `read` found, if the folder's manifest is still the one it read. */
  private async unchanged(): Promise<FolderSnapshot | undefined> {
    const last = this.lastRead;
    if (last?.snapshot.manifest.sessionsBytes === undefined) return undefined;
    const text = await readFile(join(this.folder, MANIFEST_FILE), 'utf8').catch(() => undefined);
    return text === last.manifestText ? last : undefined;
  }

  private warnOf(read: FolderSnapshot): void {
    const lines = [...read.problems];
    if (read.unvouchedBytes > 0) lines.push(unvouched(read.unvouchedBytes));
    if (lines.length > 0) {
      this.log.warning(
        `Store ${this.description}: records were left out:\n${lines.join('\n')}`,
        'ab-verdict: store',
      );
    }
  }
}

/** The warning for bytes after those the manifest vouches for. */
export function unvouched(bytes: number): string {
  return `${SESSIONS_FILE}: ${bytes} bytes after the lines its manifest counts were not read (a write that did not finish; the next write removes them)`;
}

/**
 * The snapshot a folder holds, streamed from its files; undefined when it has no manifest (no
 * store yet). Only the bytes of sessions.jsonl the manifest vouches for are read. One the build
 * cannot use (another format, a newer version, another experiment) is a StoreFolderError: the
 * caller stops rather than overwrite it. Reads need no lock: the manifest is only replaced
 * whole, and sessions.jsonl only grows past what it vouches for. With `onSession`, the
 * sessions go there as they are read (see `ReadOptions`).
 */
export async function readFolderSnapshot(
  folder: string,
  experiment: string,
  description = `folder ${folder}`,
  onSession?: ReadOptions['onSession'],
): Promise<FolderSnapshot | undefined> {
  const manifestPath = join(folder, MANIFEST_FILE);
  const sessionsPath = join(folder, SESSIONS_FILE);
  const manifest = await readManifestText(manifestPath);
  if (manifest === undefined) return undefined;
  try {
    const read = await readSnapshot(
      {
        manifest: async () => manifest,
        sessions: async () => {
          const size = await fileSize(sessionsPath);
          return size === undefined ? undefined : createReadStream(sessionsPath);
        },
      },
      experiment,
      onSession ? { onSession } : {},
    );
    const size = (await fileSize(sessionsPath)) ?? 0;
    return {
      ...read,
      manifestText: manifest,
      unvouchedBytes: Math.max(0, size - read.sessionsBytes),
    };
  } catch (error) {
    if (!(error instanceof SnapshotError)) throw error;
    throw new StoreFolderError(
      `store ${description}: ${error.reason}. It was left as it is; fix or move it, or choose another store.`,
    );
  }
}

/**
 * Appends to a folder's store, holding its lock: of `fresh`, the sessions the store lacks and
 * those that win a conflict (the later provenance time), after the bytes the manifest vouches
 * for (dropping a write that did not finish); then replaces the manifest, `manifestOf` the old
 * one, vouching for the new length. A crash at any point leaves the old store or the new one:
 * unvouched bytes are never read. Returns what happened to each of `fresh`.
 */
export async function appendToFolder(
  folder: string,
  current: FolderSnapshot | undefined,
  fresh: readonly StoredSession[],
  manifestOf: (old: StoreManifest | undefined) => StoreManifest,
  options: { skipWhenUnchanged?: boolean } = {},
): Promise<Winners> {
  const outcome = newWinners(current?.snapshot.sessions ?? [], fresh);
  if (options.skipWhenUnchanged && outcome.winners.length === 0 && outcome.conflicts.length === 0) {
    return outcome; // nothing changes: the files stay as they are
  }
  await removeLeftovers(folder);
  const sessionsPath = join(folder, SESSIONS_FILE);
  let bytes = current?.sessionsBytes ?? 0;
  let lines = current?.lines ?? 0;
  const old = current?.snapshot.manifest;
  if (current && old?.sessionsBytes === undefined) {
    // Written before manifests vouched for a length: vouch for what is there before appending.
    await replaceFile(join(folder, MANIFEST_FILE), manifestText({ ...old!, sessionsBytes: bytes }));
  }
  // Bytes after the vouched ones are a write that did not finish: they go first.
  if ((await fileSize(sessionsPath)) !== bytes) await truncateOrCreate(sessionsPath, bytes);
  if (outcome.winners.length > 0) {
    const appended = await writeSessionLines(sessionsPath, outcome.winners, 'a', bytes);
    await syncFile(sessionsPath);
    bytes += appended.bytes;
    lines += appended.lines;
  }
  const manifest = { ...manifestOf(old), sessions: lines, sessionsBytes: bytes };
  const text = manifestText(manifest);
  checkManifestSize(Buffer.byteLength(text));
  await replaceFile(join(folder, MANIFEST_FILE), text);
  await syncFolder(folder);
  return outcome;
}

/**
 * A snapshot about to be written to a folder, merged with what the folder holds now (another
 * process may have written since this one read it): the experiment's fields of the newer, the
 * histories and covers of both, the earlier creation time.
 */
export function mergeManifests(current: StoreManifest, next: StoreManifest): StoreManifest {
  const covers = new Set([...current.covers, ...next.covers]);
  return {
    ...next,
    ...mergeMeta([current, next]),
    createdAt: [current.createdAt, next.createdAt].sort()[0]!,
    covers: [...covers].sort((a, b) => a - b),
    history: mergeHistories([current.history, next.history]),
  };
}

async function readManifestText(path: string): Promise<string | undefined> {
  try {
    const size = await fileSize(path);
    if (size !== undefined && size > SNAPSHOT_LIMITS.manifestBytes) {
      throw new StoreFolderError(
        `store file ${path}: ${size} bytes, more than the ${SNAPSHOT_LIMITS.manifestBytes} a manifest may be`,
      );
    }
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof StoreFolderError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreFolderError(`store file ${path}: cannot read (${(error as Error).message})`);
  }
}

async function fileSize(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function truncateOrCreate(path: string, bytes: number): Promise<void> {
  if (bytes === 0) {
    await (await open(path, 'w')).close();
    return;
  }
  await truncate(path, bytes);
}

/** `manifest.json.<12 hex>.tmp`: what `replaceFile` writes before its rename. */
const TEMPORARY = /^(?:manifest\.json|sessions\.jsonl)\.[0-9a-f]{12}\.tmp$/;

async function removeLeftovers(folder: string): Promise<void> {
  const entries = await readdir(folder).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((name) => TEMPORARY.test(name))
      .map((name) => rm(join(folder, name), { force: true })),
  );
}

/** Writes `content` to a temporary file, syncs it, and renames it over `path`. */
async function replaceFile(path: string, content: string): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const file = await open(temporary, 'w');
    try {
      await file.writeFile(content);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function syncFile(path: string): Promise<void> {
  const file = await open(path, 'r+');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}

/** Makes the renames durable; not every platform can sync a folder, and that is no error. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a folder for syncing.
  }
}
