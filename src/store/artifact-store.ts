import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DownloadFailed, type ArtifactService } from './artifact-service.js';
import {
  StoreUnreadable,
  type LoadedSnapshot,
  type StoreBackend,
  type StoreLog,
  type StoreRead,
  type StoreWritten,
} from './backend.js';
import { BoundedZip, ZipRejected } from './bounded-unzip.js';
import { MANIFEST_FILE, SESSIONS_FILE, type Snapshot } from './format.js';
import { describeMissed } from './missed-artifacts.js';
import { MAX_NAME_SUFFIX, storeArtifactName, suffixedName } from './names.js';
import { ReadPlan, type ListedArtifact } from './read-plan.js';
import { SnapshotError } from './snapshot-codec.js';
import { readSnapshot, writeSnapshot, type ReadSnapshot } from './snapshot-files.js';
import { SNAPSHOT_LIMITS } from './snapshot-limits.js';
import { budgetOf, timeBudget, TimeBudgetExceeded } from './time-budget.js';
import { uploadWithSuffix } from './upload-with-suffix.js';

export interface ArtifactStoreOptions {
  experiment: string;
  service: ArtifactService;
  log: StoreLog;
  now: Date;
  lookbackDays: number;
  /** Days GitHub keeps the new artifact; undefined: the repository's default. */
  retentionDays: number | undefined;
  /** Where the snapshot's files are written before the upload, and downloads go. */
  tempDir: string;
  /** Downloads at most this many snapshots in one run. */
  maxDownloads?: number;
  /** Milliseconds one download, and the whole read (listing included), may take. */
  budgets?: { downloadMs: number; readMs: number };
}

const MAX_DOWNLOADS = 32;
export const STORE_BUDGETS = { downloadMs: 90_000, readMs: 180_000 };
/** Names listed at once. */
const LISTING_CONCURRENCY = 4;

/**
 * The store in workflow artifacts: every run uploads one merged snapshot named
 * `ab-verdict-<experiment>` (`-2`, `-3`, … when the run already has that name) and reads the
 * newest snapshots that no snapshot read before contains. Artifacts are never deleted.
 */
export class ArtifactStore implements StoreBackend {
  readonly description: string;
  private readonly baseName: string;
  private readonly budgets: { downloadMs: number; readMs: number };

  constructor(private readonly options: ArtifactStoreOptions) {
    this.baseName = storeArtifactName(options.experiment);
    this.description = `workflow artifacts ${this.baseName}`;
    this.budgets = options.budgets ?? STORE_BUDGETS;
  }

  async read(): Promise<StoreRead> {
    const { log, now, lookbackDays } = this.options;
    const signal = timeBudget(this.budgets.readMs, 'reading the store');
    const listing = await this.listAll(signal);
    const forks = listing.filter((artifact) => artifact.fromFork);
    if (forks.length > 0) {
      log.notice(
        `${forks.length} store artifact${forks.length === 1 ? ' was' : 's were'} uploaded by runs of pull requests from forks and ${forks.length === 1 ? 'is' : 'are'} not read: code no one reviewed could have written ${forks.length === 1 ? 'it' : 'them'} (${forks
          .slice(0, 5)
          .map((a) => `${a.name} id ${a.id}`)
          .join(', ')}).`,
        'ab-verdict: store',
      );
    }
    const plan = new ReadPlan(
      listing.filter((artifact) => !artifact.fromFork),
      {
        now,
        lookbackDays,
        maxDownloads: this.options.maxDownloads ?? MAX_DOWNLOADS,
      },
    );
    const snapshots: LoadedSnapshot[] = [];
    const skipped: StoreRead['skipped'] = forks.map((artifact) => ({
      label: `artifact ${artifact.name} (id ${artifact.id})`,
      reason: 'uploaded by a run of a fork pull request; not trusted',
    }));
    for (let artifact = plan.next(); artifact; artifact = plan.next()) {
      const label = `artifact ${artifact.name} (id ${artifact.id})`;
      try {
        const read = await this.readArtifact(artifact, label, signal);
        if (read === 'expired') {
          plan.markExpired(artifact.id);
          continue;
        }
        const { snapshot } = read;
        // Its covers hold only if it holds all it says: else what it covers is read itself.
        plan.read(artifact.id, read.complete ? snapshot.manifest.covers : []);
        snapshots.push({ id: artifact.id, label, snapshot, complete: read.complete });
        log.info(`store: read ${label}: ${snapshot.sessions.length} sessions`);
        if (!read.complete && snapshot.manifest.covers.length > 0) {
          log.warning(
            `Store ${label} does not hold all it says (${read.incompleteBecause}): the ${snapshot.manifest.covers.length} artifacts it covers are read themselves.`,
            'ab-verdict: store artifact incomplete',
          );
        }
      } catch (error) {
        const budget = budgetOf(error, signal);
        const reason = budget ? `${budget.message}; not read` : reasonOf(error);
        skipped.push({ label, reason });
        log.warning(
          `Store ${label} was skipped: ${reason}. Sessions only it holds are not in this analysis; it stays in the store, and the next run reads it.`,
          'ab-verdict: store artifact skipped',
        );
        if (signal.aborted) plan.stop();
      }
    }
    const like = snapshots.find((s) => s.snapshot.sessions.length > 0)?.snapshot;
    for (const missed of describeMissed(plan.missed(), like, lookbackDays)) {
      skipped.push({ label: missed.label, reason: missed.reason });
      if (missed.level === 'notice') log.notice(missed.message, 'ab-verdict: store');
      else log.warning(missed.message, 'ab-verdict: store');
    }
    return { snapshots, skipped };
  }

  async write(snapshot: Snapshot): Promise<StoreWritten> {
    const dir = await mkdtemp(join(this.options.tempDir, 'ab-verdict-store-'));
    try {
      // Both files complete on disk before anything is uploaded: an artifact is never half a
      // store, nor one the reader would refuse.
      await writeSnapshot(dir, snapshot);
      const manifest = await readFile(join(dir, MANIFEST_FILE), 'utf8');
      const { id, name } = await uploadWithSuffix(
        this.options.service,
        this.baseName,
        dir,
        [join(dir, SESSIONS_FILE), join(dir, MANIFEST_FILE)],
        {
          retentionDays: this.options.retentionDays,
          info: (message) => this.options.log.info(`store: ${message}`),
          confirm: (name) => this.uploaded(name, manifest),
        },
      );
      return { label: `artifact ${name} (id ${id})`, artifactId: id };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * Every store artifact: every page of each of the names, whichever of them exist (a name
   * left unused, by an upload that never finished, hides nothing after it).
   */
  private async listAll(signal: AbortSignal): Promise<ListedArtifact[]> {
    const names = Array.from({ length: MAX_NAME_SUFFIX }, (_, i) =>
      suffixedName(this.baseName, i + 1),
    );
    const all: ListedArtifact[] = [];
    try {
      for (let start = 0; start < names.length; start += LISTING_CONCURRENCY) {
        const batch = names.slice(start, start + LISTING_CONCURRENCY);
        const lists = await Promise.all(
          batch.map((name) => this.options.service.list(name, signal)),
        );
        for (const list of lists) for (const artifact of list) all.push(artifact);
      }
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      throw new StoreUnreadable(
        budgetOf(error, signal)?.message ??
          (error instanceof Error ? error.message : String(error)),
        typeof status === 'number' ? status : undefined,
      );
    }
    return all;
  }

  /** Downloads an artifact to a temporary file and reads it, or says it expired. */
  private async readArtifact(
    artifact: ListedArtifact,
    label: string,
    readSignal: AbortSignal,
  ): Promise<ReadSnapshot | 'expired'> {
    const signal = timeBudget(this.budgets.downloadMs, `the download of ${label}`, readSignal);
    const dir = await mkdtemp(join(this.options.tempDir, 'ab-verdict-read-'));
    const file = join(dir, 'artifact.zip');
    try {
      if ((await this.options.service.download(artifact, file, signal)) === 'expired') {
        return 'expired';
      }
      if (artifact.digest?.startsWith('sha256:')) {
        const actual = `sha256:${await sha256(file)}`;
        if (actual !== artifact.digest) {
          throw new ZipRejected(`its bytes do not match its digest (${artifact.digest}); corrupt`);
        }
      }
      return await this.open(file, label, readSignal);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async open(file: string, label: string, signal: AbortSignal): Promise<ReadSnapshot> {
    const zip = await BoundedZip.open(file, {
      maxEntries: SNAPSHOT_LIMITS.maxEntries,
      maxBytes: {
        [MANIFEST_FILE]: SNAPSHOT_LIMITS.manifestBytes,
        [SESSIONS_FILE]: SNAPSHOT_LIMITS.sessionsBytes,
      },
    });
    try {
      if (zip.ignored.length > 0) {
        this.options.log.warning(
          `Store ${label} holds files other than ${MANIFEST_FILE} and ${SESSIONS_FILE}; ignored: ${zip.ignored.slice(0, 5).join(', ')}`,
          'ab-verdict: store artifact',
        );
      }
      const read = await readSnapshot(
        {
          manifest: () => zip.text(MANIFEST_FILE),
          sessions: () => zip.stream(SESSIONS_FILE),
        },
        this.options.experiment,
        { signal },
      );
      if (read.problems.length > 0) {
        this.options.log.warning(
          `Store ${label}: ${read.problems.length === 1 ? 'a record was' : 'records were'} left out:\n${read.problems.join('\n')}`,
          'ab-verdict: store artifact',
        );
      }
      return read;
    } finally {
      zip.close();
    }
  }

  /**
   * The id of this run's artifact of that name if it holds exactly the manifest this run wrote:
   * an upload whose reply was lost may have been stored all the same.
   */
  private async uploaded(name: string, manifest: string): Promise<number | undefined> {
    const signal = timeBudget(this.budgets.downloadMs, `checking the upload of ${name}`);
    for (const artifact of await this.options.service.listOfThisRun(name, signal)) {
      const dir = await mkdtemp(join(this.options.tempDir, 'ab-verdict-check-'));
      try {
        const file = join(dir, 'artifact.zip');
        if ((await this.options.service.download(artifact, file, signal)) === 'expired') continue;
        const zip = await BoundedZip.open(file, {
          maxEntries: SNAPSHOT_LIMITS.maxEntries,
          maxBytes: { [MANIFEST_FILE]: SNAPSHOT_LIMITS.manifestBytes },
        });
        try {
          if ((await zip.text(MANIFEST_FILE)) === manifest) return artifact.id;
        } finally {
          zip.close();
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    return undefined;
  }
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Whatever goes wrong with one artifact skips that artifact; it never stops the run. */
function reasonOf(error: unknown): string {
  if (
    error instanceof ZipRejected ||
    error instanceof SnapshotError ||
    error instanceof DownloadFailed
  ) {
    return error.reason;
  }
  if (error instanceof TimeBudgetExceeded) return `${error.message}; not read`;
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}
