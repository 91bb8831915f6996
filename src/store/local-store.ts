import { randomBytes } from 'node:crypto';
import { ColumnarSessionTable } from '../records/session-table.js';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  appendToFolder,
  readFolderSnapshot,
  StoreFolderError,
  unvouched,
  type FolderSnapshot,
} from './dir-store.js';
import { metaOf } from './experiment-meta.js';
import {
  MANIFEST_FILE,
  STORE_FORMAT,
  STORE_SCHEMA_VERSION,
  type ExperimentMeta,
  type Snapshot,
  type StoredSession,
  type StoreManifest,
} from './format.js';
import { LOCK_FILE, LockFolderMissing, withLock, type LockOptions } from './lock.js';
import { experimentSlug } from './names.js';
import { parseManifest, ProblemList, SnapshotError } from './snapshot-codec.js';

/** A command named an experiment the store does not hold. */
export class ExperimentNotFound extends Error {
  constructor(
    readonly id: string,
    readonly store: string,
    readonly known: string[],
  ) {
    const others = known.length === 0 ? 'it holds none yet' : `experiments: ${known.join(', ')}`;
    super(`no experiment ${JSON.stringify(id)} in store ${store} (${others})`);
    this.name = 'ExperimentNotFound';
  }
}

/** `create` named an experiment the store holds already. */
export class ExperimentExists extends Error {
  constructor(
    readonly id: string,
    readonly store: string,
  ) {
    super(
      `experiment ${JSON.stringify(id)} exists in store ${store}; choose another id or delete it`,
    );
    this.name = 'ExperimentExists';
  }
}

export interface LocalStoreOptions {
  /** The store as shown in messages, e.g. `.ab-verdict`. */
  display?: string;
  lock?: LockOptions;
}

/** One experiment as read from the store. */
export interface LoadedExperiment {
  id: string;
  folder: string;
  snapshot: Snapshot;
  /** Session lines left out because they cannot be read, each naming its line. */
  problems: string[];
}

/** An experiment read for its analysis: its sessions in a table, not as objects. */
export interface ExperimentTable {
  id: string;
  folder: string;
  table: ColumnarSessionTable;
  /** Session lines left out because they cannot be read, each naming its line. */
  problems: string[];
}

/** A folder of the store, for `list`: the experiment, or why it cannot be read. */
export type ListedFolder =
  { folder: string; experiment: LoadedExperiment } | { folder: string; problem: string };

/** What adding sessions did. */
export interface AddOutcome {
  /** Sessions the store did not hold. */
  added: number;
  /** Sessions the store held already with the same content. */
  alreadyStored: number;
  /** Sessions given more than once with the same content, in this one addition. */
  repeated: number;
  /** Ids given with content other than the store's: the later record was kept. */
  conflicts: string[];
  /** The store's sessions afterwards, per variant. */
  stored: Record<string, number>;
  /** Whether the experiment was created by this addition. */
  created: boolean;
}

/**
 * The local store of the CLI: a folder (`.ab-verdict` by default) with one `dir` store per
 * experiment, `<root>/<experiment slug>/manifest.json` and `sessions.jsonl`, the format the
 * Action keeps in artifacts. Every write takes the experiment folder's lock, reads the store as
 * it is then, and appends what it lacks (`appendToFolder`); reads take no lock.
 */
export class LocalStore {
  readonly display: string;

  constructor(
    readonly root: string,
    private readonly options: LocalStoreOptions = {},
  ) {
    this.display = options.display ?? root;
  }

  folderOf(id: string): string {
    return join(this.root, experimentSlug(id));
  }

  /** Every experiment's folder, sorted by experiment id; unreadable ones say why. */
  async list(): Promise<ListedFolder[]> {
    const listed: { id: string; entry: ListedFolder }[] = [];
    for (const folder of await this.folders()) {
      const id = await manifestExperiment(folder);
      if (id === undefined) continue;
      try {
        const experiment = await this.load(id.value ?? '', folder);
        if (experiment) listed.push({ id: experiment.id, entry: { folder, experiment } });
      } catch (error) {
        if (!(error instanceof StoreFolderError)) throw error;
        listed.push({
          id: id.value ?? basename(folder),
          entry: { folder, problem: error.message },
        });
      }
    }
    return listed.sort((a, b) => compareText(a.id, b.id)).map(({ entry }) => entry);
  }

  /** The ids of the experiments in the store, sorted. */
  async ids(): Promise<string[]> {
    const ids: string[] = [];
    for (const folder of await this.folders()) {
      const id = await manifestExperiment(folder);
      if (id?.value !== undefined) ids.push(id.value);
    }
    return ids.sort(compareText);
  }

  /** Whether the store holds the experiment (its manifest alone is read). */
  async has(id: string): Promise<boolean> {
    return (await manifestExperiment(this.folderOf(id)))?.value === id;
  }

  /**
   * The experiment's manifest alone (its sessions are not read); ExperimentNotFound when the
   * store does not hold it.
   */
  async manifest(id: string): Promise<StoreManifest> {
    const folder = this.folderOf(id);
    let text: string;
    try {
      text = await readFile(join(folder, MANIFEST_FILE), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw await this.notFound(id);
      throw new StoreFolderError(
        `store ${this.display}: cannot read ${folder}: ${(error as Error).message}`,
      );
    }
    try {
      return parseManifest(text, id, new ProblemList());
    } catch (error) {
      if (!(error instanceof SnapshotError)) throw error;
      throw new StoreFolderError(
        `store ${this.display} (${folder}): ${error.reason}. It was left as it is; fix or move it, or choose another store.`,
      );
    }
  }

  /** The experiment, or undefined when the store does not hold it. */
  async find(id: string): Promise<LoadedExperiment | undefined> {
    return this.load(id, this.folderOf(id));
  }

  /** The experiment; ExperimentNotFound when the store does not hold it. */
  async get(id: string): Promise<LoadedExperiment> {
    const experiment = await this.find(id);
    if (!experiment) throw await this.notFound(id);
    return experiment;
  }

  /**
   * The experiment's sessions as the analysis reads them, streamed into a columnar table (the
   * later line of a session_id winning), so that no session is held as an object: a store of
   * millions of sessions opens. ExperimentNotFound when the store does not hold it.
   */
  async table(id: string, labelFields: readonly string[]): Promise<ExperimentTable> {
    const folder = this.folderOf(id);
    const table = new ColumnarSessionTable({ extraLabels: labelFields });
    const read = await readFolderSnapshot(folder, id, `${this.display} (${folder})`, (session) =>
      table.add(session.record),
    );
    if (!read) throw await this.notFound(id);
    return { id, folder, table, problems: problemsOf(read) };
  }

  /** A new experiment without sessions; ExperimentExists when the id is taken. */
  async create(id: string, meta: ExperimentMeta, now: Date): Promise<Snapshot> {
    const folder = this.folderOf(id);
    await mkdir(folder, { recursive: true });
    return withLock(
      folder,
      async () => {
        if (await this.load(id, folder)) throw new ExperimentExists(id, this.display);
        const snapshot = emptySnapshot(id, meta, now);
        await appendToFolder(folder, undefined, [], () => snapshot.manifest);
        return snapshot;
      },
      this.lockOptions(folder),
    );
  }

  /**
   * Adds sessions to an experiment: the union of the store and `fresh`, deduplicated by
   * `session_id` (the later provenance wins a conflict). With `create`, an experiment the store
   * does not hold is created with that description, and one it holds gets the fields it lacks.
   */
  async add(
    id: string,
    fresh: readonly StoredSession[],
    now: Date,
    create?: { meta: ExperimentMeta; createdAt?: string },
  ): Promise<AddOutcome> {
    const folder = this.folderOf(id);
    if (create) await mkdir(folder, { recursive: true });
    try {
      return await withLock(
        folder,
        async () => {
          const current = await readFolderSnapshot(folder, id, `${this.display} (${folder})`);
          if (!current && !create) throw await this.notFound(id);
          if (current && current.problems.length > 0) {
            throw new StoreFolderError(
              `store ${this.display}: experiment ${JSON.stringify(id)} has session lines that cannot be read, and writing would drop them:\n${current.problems.join('\n')}\nFix or remove those lines in ${join(folder, 'sessions.jsonl')}, then try again.`,
            );
          }
          const base =
            current?.snapshot.manifest ?? emptySnapshot(id, create?.meta ?? {}, now).manifest;
          if (!current && create?.createdAt) base.createdAt = create.createdAt;
          // The experiment's own fields win over an import's: it was described on purpose.
          const meta = { ...metaOf(create?.meta ?? {}), ...metaOf(base) };
          const metaChanged = JSON.stringify(meta) !== JSON.stringify(metaOf(base));
          const stored = countByVariant(current?.snapshot.sessions ?? []);
          const outcome = await appendToFolder(
            folder,
            current,
            fresh,
            (old) => ({
              ...(old ?? base),
              ...meta,
              updatedAt: now.toISOString(),
            }),
            { skipWhenUnchanged: current !== undefined && !metaChanged },
          );
          for (const { record } of outcome.replaced) stored[record.variant]! -= 1;
          for (const { record } of outcome.winners) {
            stored[record.variant] = (stored[record.variant] ?? 0) + 1;
          }
          return {
            added: outcome.added,
            alreadyStored: outcome.alreadyStored,
            repeated: outcome.repeated,
            conflicts: outcome.conflicts,
            stored: withoutEmpty(stored),
            created: !current,
          };
        },
        this.lockOptions(folder),
      );
    } catch (error) {
      if (error instanceof LockFolderMissing) throw await this.notFound(id);
      throw error;
    }
  }

  /**
   * Deletes an experiment: under its lock, the folder is renamed to a hidden tombstone (one
   * atomic step: a reader sees the whole experiment or none of it), then removed.
   */
  async delete(id: string): Promise<LoadedExperiment> {
    const folder = this.folderOf(id);
    try {
      return await withLock(
        folder,
        async () => {
          const current = await this.load(id, folder);
          if (!current) throw await this.notFound(id);
          const tombstone = join(
            this.root,
            `.${basename(folder)}.deleted-${randomBytes(6).toString('hex')}`,
          );
          await rename(folder, tombstone);
          await rm(tombstone, { recursive: true, force: true });
          return current;
        },
        this.lockOptions(folder),
      );
    } catch (error) {
      if (error instanceof LockFolderMissing) throw await this.notFound(id);
      throw error;
    } finally {
      await this.removeTombstones();
    }
  }

  private async load(id: string, folder: string): Promise<LoadedExperiment | undefined> {
    const read = await readFolderSnapshot(folder, id, `${this.display} (${folder})`);
    return read && { id, folder, snapshot: read.snapshot, problems: problemsOf(read) };
  }

  private async notFound(id: string): Promise<ExperimentNotFound> {
    return new ExperimentNotFound(id, this.display, await this.ids());
  }

  /** The store's experiment folders: every folder in it but hidden ones (tombstones). */
  private async folders(): Promise<string[]> {
    try {
      const entries = await readdir(this.root, { withFileTypes: true });
      return entries
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => join(this.root, entry.name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /** Tombstones a killed `delete` left behind: nothing reads them. */
  private async removeTombstones(): Promise<void> {
    const entries = await readdir(this.root).catch(() => [] as string[]);
    await Promise.all(
      entries
        .filter((name) => /^\..+\.deleted-[0-9a-f]{12}$/.test(name))
        .map((name) => rm(join(this.root, name), { recursive: true, force: true })),
    );
  }

  private lockOptions(folder: string): LockOptions {
    return { ...this.options.lock, display: join(this.display, basename(folder), LOCK_FILE) };
  }
}

/** A manifest's `experiment`; undefined when the folder has no manifest (no experiment yet). */
async function manifestExperiment(folder: string): Promise<{ value?: string } | undefined> {
  let text: string;
  try {
    text = await readFile(join(folder, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return {};
  }
  try {
    const { experiment } = JSON.parse(text) as { experiment?: unknown };
    return typeof experiment === 'string' && experiment !== '' ? { value: experiment } : {};
  } catch {
    return {};
  }
}

function emptySnapshot(id: string, meta: ExperimentMeta, now: Date): Snapshot {
  return {
    manifest: {
      format: STORE_FORMAT,
      schemaVersion: STORE_SCHEMA_VERSION,
      experiment: id,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      sessions: 0,
      covers: [],
      ...metaOf(meta),
      history: [],
    },
    sessions: [],
  };
}

/** The lines a read left out, and unvouched bytes: what a reader is warned of. */
function problemsOf(read: FolderSnapshot): string[] {
  return read.unvouchedBytes > 0
    ? [...read.problems, unvouched(read.unvouchedBytes)]
    : read.problems;
}

function withoutEmpty(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

/** Sessions per variant, in the order variants first appear. */
export function countByVariant(sessions: readonly StoredSession[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { record } of sessions) counts[record.variant] = (counts[record.variant] ?? 0) + 1;
  return counts;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
