import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoreBackend, StoreLog, StoreRead, StoreWritten } from './backend.js';
import { MANIFEST_FILE, SESSIONS_FILE, type Snapshot } from './format.js';
import { experimentSlug } from './names.js';
import { parseSnapshot, serializeSnapshot, SnapshotError } from './snapshot-codec.js';

/** A store folder that cannot be used; the run stops rather than overwrite what it cannot read. */
export class StoreFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreFolderError';
  }
}

/**
 * The store in a folder: `<path>/<experiment>/manifest.json` and `sessions.jsonl`, the same files
 * as in an artifact. Each file is replaced atomically (a temporary file, then a rename): sessions
 * first, the manifest last, so a crash leaves the old store or the new one, never half of one.
 * One writer at a time: the folder has no lock.
 */
export class DirStore implements StoreBackend {
  readonly description: string;
  private readonly folder: string;

  constructor(
    root: string,
    private readonly experiment: string,
    private readonly log: StoreLog,
  ) {
    this.folder = join(root, experimentSlug(experiment));
    this.description = `folder ${this.folder}`;
  }

  async read(): Promise<StoreRead> {
    const manifest = await readOptional(join(this.folder, MANIFEST_FILE));
    if (manifest === undefined) return { snapshots: [], skipped: [] };
    const sessions = await readOptional(join(this.folder, SESSIONS_FILE));
    try {
      const { snapshot, problems } = parseSnapshot({ manifest, sessions }, this.experiment);
      if (problems.length > 0) {
        this.log.warning(
          `Store ${this.description}: records were left out:\n${problems.join('\n')}`,
          'ab-verdict: store',
        );
      }
      return { snapshots: [{ id: null, label: this.description, snapshot }], skipped: [] };
    } catch (error) {
      if (!(error instanceof SnapshotError)) throw error;
      throw new StoreFolderError(
        `store ${this.description}: ${error.reason}. It was left as it is; fix or move it, or choose another store.`,
      );
    }
  }

  async write(snapshot: Snapshot): Promise<StoreWritten> {
    await mkdir(this.folder, { recursive: true });
    const files = serializeSnapshot(snapshot);
    await replaceFile(join(this.folder, SESSIONS_FILE), files.sessions);
    await replaceFile(join(this.folder, MANIFEST_FILE), files.manifest);
    return { label: this.description, artifactId: null };
  }
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreFolderError(`store file ${path}: cannot read (${(error as Error).message})`);
  }
}

async function replaceFile(path: string, content: string): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
