import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoreBackend, StoreLog, StoreRead, StoreWritten } from './backend.js';
import { MANIFEST_FILE, SESSIONS_FILE, type Snapshot } from './format.js';
import { withLock, type LockOptions } from './lock.js';
import { experimentSlug } from './names.js';
import {
  parseSnapshot,
  serializeSnapshot,
  SnapshotError,
  type ParsedSnapshot,
} from './snapshot-codec.js';
import { mergeSnapshots } from './update.js';

/** A store folder that cannot be used; the run stops rather than overwrite what it cannot read. */
export class StoreFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreFolderError';
  }
}

/**
 * The store in a folder: `<path>/<experiment>/manifest.json` and `sessions.jsonl`, the same files
 * as in an artifact. Writers take the folder's lock (`lock.ts`), merge what they write with what
 * the folder holds by then (another process may have written since this one read), and replace
 * each file atomically: sessions first, the manifest last, each a synced temporary file renamed
 * over the old one. A crash at any point leaves a store that reads: the old one, or the new
 * sessions under the old manifest, never half a file.
 */
export class DirStore implements StoreBackend {
  readonly description: string;
  private readonly folder: string;

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
    const parsed = await readFolderSnapshot(this.folder, this.experiment, this.description);
    if (parsed === undefined) return { snapshots: [], skipped: [] };
    this.warnOf(parsed.problems);
    return {
      snapshots: [{ id: null, label: this.description, snapshot: parsed.snapshot }],
      skipped: [],
    };
  }

  async write(snapshot: Snapshot): Promise<StoreWritten> {
    await mkdir(this.folder, { recursive: true });
    await withLock(
      this.folder,
      async () => {
        const current = await readFolderSnapshot(this.folder, this.experiment, this.description);
        if (current) this.warnOf(current.problems);
        await writeFolderSnapshot(
          this.folder,
          current ? mergeSnapshots(current.snapshot, snapshot) : snapshot,
        );
      },
      { notice: (message) => this.log.notice(message, 'ab-verdict: store'), ...this.lock },
    );
    return { label: this.description, artifactId: null };
  }

  private warnOf(problems: string[]): void {
    if (problems.length > 0) {
      this.log.warning(
        `Store ${this.description}: records were left out:\n${problems.join('\n')}`,
        'ab-verdict: store',
      );
    }
  }
}

/**
 * The snapshot a folder holds, with the lines left out; undefined when it has no manifest (no
 * store yet). One the build cannot use (another format, a newer version, another experiment) is
 * a StoreFolderError: the caller stops rather than overwrite it. Reads need no lock: files are
 * only ever replaced whole.
 */
export async function readFolderSnapshot(
  folder: string,
  experiment: string,
  description = `folder ${folder}`,
): Promise<ParsedSnapshot | undefined> {
  const manifest = await readOptional(join(folder, MANIFEST_FILE));
  if (manifest === undefined) return undefined;
  const sessions = await readOptional(join(folder, SESSIONS_FILE));
  try {
    return parseSnapshot({ manifest, sessions }, experiment);
  } catch (error) {
    if (!(error instanceof SnapshotError)) throw error;
    throw new StoreFolderError(
      `store ${description}: ${error.reason}. It was left as it is; fix or move it, or choose another store.`,
    );
  }
}

/**
 * Writes a snapshot into a folder that exists: sessions first, the manifest last, each written
 * to a temporary file, synced, and renamed over the old one; then the folder is synced. Temporary
 * files a killed writer left are removed first. Call it holding the folder's lock.
 */
export async function writeFolderSnapshot(folder: string, snapshot: Snapshot): Promise<void> {
  await removeLeftovers(folder);
  const files = serializeSnapshot(snapshot);
  await replaceFile(join(folder, SESSIONS_FILE), files.sessions);
  await replaceFile(join(folder, MANIFEST_FILE), files.manifest);
  await syncFolder(folder);
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreFolderError(`store file ${path}: cannot read (${(error as Error).message})`);
  }
}

/** `sessions.jsonl.<12 hex>.tmp`: what `replaceFile` writes before its rename. */
const TEMPORARY = /^(?:manifest\.json|sessions\.jsonl)\.[0-9a-f]{12}\.tmp$/;

async function removeLeftovers(folder: string): Promise<void> {
  const entries = await readdir(folder).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((name) => TEMPORARY.test(name))
      .map((name) => rm(join(folder, name), { force: true })),
  );
}

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
