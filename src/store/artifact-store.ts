import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DownloadFailed, type ArtifactService } from './artifact-service.js';
import type { LoadedSnapshot, StoreBackend, StoreLog, StoreRead, StoreWritten } from './backend.js';
import { unzipBounded, ZipRejected } from './bounded-unzip.js';
import { MANIFEST_FILE, SESSIONS_FILE, type Snapshot } from './format.js';
import { describeMissed } from './missed-artifacts.js';
import { MAX_NAME_SUFFIX, storeArtifactName, suffixedName } from './names.js';
import { uploadWithSuffix } from './upload-with-suffix.js';
import { ReadPlan, type ListedArtifact } from './read-plan.js';
import { parseSnapshot, serializeSnapshot, SnapshotError } from './snapshot-codec.js';

export interface ArtifactStoreOptions {
  experiment: string;
  service: ArtifactService;
  log: StoreLog;
  now: Date;
  lookbackDays: number;
  /** Days GitHub keeps the new artifact; undefined: the repository's default. */
  retentionDays: number | undefined;
  /** Where the snapshot's files are written before the upload. */
  tempDir: string;
  /** Downloads at most this many snapshots in one run. */
  maxDownloads?: number;
}

const MAX_DOWNLOADS = 32;

/**
 * The store in workflow artifacts: every run uploads one merged snapshot named
 * `ab-verdict-<experiment>` (`-2`, `-3`, … when the run already has that name) and reads the
 * newest snapshots that no snapshot read before contains. Artifacts are never deleted.
 */
export class ArtifactStore implements StoreBackend {
  readonly description: string;
  private readonly baseName: string;

  constructor(private readonly options: ArtifactStoreOptions) {
    this.baseName = storeArtifactName(options.experiment);
    this.description = `workflow artifacts ${this.baseName}`;
  }

  async read(): Promise<StoreRead> {
    const { log, now, lookbackDays } = this.options;
    const listing = await this.listAll();
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
    const seen = { bytes: 0, sessions: 0 };
    for (let artifact = plan.next(); artifact; artifact = plan.next()) {
      const label = `artifact ${artifact.name} (id ${artifact.id})`;
      try {
        const bytes = await this.options.service.download(artifact);
        if (bytes === 'expired') {
          plan.markExpired(artifact.id);
          continue;
        }
        const snapshot = await this.open(artifact, bytes, label);
        plan.read(artifact.id, snapshot.manifest.covers);
        snapshots.push({ id: artifact.id, label, snapshot });
        seen.bytes += artifact.sizeInBytes;
        seen.sessions += snapshot.sessions.length;
        log.info(`store: read ${label}: ${snapshot.sessions.length} sessions`);
      } catch (error) {
        const reason = reasonOf(error);
        skipped.push({ label, reason });
        log.warning(
          `Store ${label} was skipped: ${reason}. Sessions only it holds are not in this analysis.`,
          'ab-verdict: store artifact skipped',
        );
      }
    }
    for (const missed of describeMissed(plan.missed(), seen, lookbackDays)) {
      skipped.push({ label: missed.label, reason: missed.reason });
      if (missed.level === 'notice') log.notice(missed.message, 'ab-verdict: store');
      else log.warning(missed.message, 'ab-verdict: store');
    }
    return { snapshots, skipped };
  }

  async write(snapshot: Snapshot): Promise<StoreWritten> {
    const dir = await mkdtemp(join(this.options.tempDir, 'ab-verdict-store-'));
    const files = serializeSnapshot(snapshot);
    // Both files complete on disk before anything is uploaded: an artifact is never half a store.
    await writeFile(join(dir, SESSIONS_FILE), files.sessions);
    await writeFile(join(dir, MANIFEST_FILE), files.manifest);
    const { id, name } = await uploadWithSuffix(
      this.options.service,
      this.baseName,
      dir,
      [join(dir, SESSIONS_FILE), join(dir, MANIFEST_FILE)],
      this.options.retentionDays,
      (message) => this.options.log.info(`store: ${message}`),
    );
    return { label: `artifact ${name} (id ${id})`, artifactId: id };
  }

  /** Every store artifact: the base name, then `-2`, `-3`, … while a name has any. */
  private async listAll(): Promise<ListedArtifact[]> {
    const all: ListedArtifact[] = [];
    for (let index = 1; index <= MAX_NAME_SUFFIX; index++) {
      const listed = await this.options.service.list(suffixedName(this.baseName, index));
      // A run uses suffix k only after k − 1, so the first unused name ends the list.
      if (listed.length === 0) break;
      all.push(...listed);
    }
    return all;
  }

  private async open(artifact: ListedArtifact, bytes: Buffer, label: string): Promise<Snapshot> {
    if (artifact.digest?.startsWith('sha256:')) {
      const actual = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
      if (actual !== artifact.digest) {
        throw new ZipRejected(`its bytes do not match its digest (${artifact.digest}); corrupt`);
      }
    }
    const { files, ignored } = await unzipBounded(bytes, [MANIFEST_FILE, SESSIONS_FILE]);
    if (ignored.length > 0) {
      this.options.log.warning(
        `Store ${label} holds files other than ${MANIFEST_FILE} and ${SESSIONS_FILE}; ignored: ${ignored.slice(0, 5).join(', ')}`,
        'ab-verdict: store artifact',
      );
    }
    const text = (name: string) => {
      const file = files.get(name);
      return file === undefined ? undefined : decodeUtf8(file, name);
    };
    const { snapshot, problems } = parseSnapshot(
      { manifest: text(MANIFEST_FILE), sessions: text(SESSIONS_FILE) },
      this.options.experiment,
    );
    if (problems.length > 0) {
      this.options.log.warning(
        `Store ${label}: ${problems.length === 1 ? 'a record was' : 'records were'} left out:\n${problems.join('\n')}`,
        'ab-verdict: store artifact',
      );
    }
    return snapshot;
  }
}

function decodeUtf8(bytes: Buffer, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SnapshotError(`${name} is not UTF-8 text`);
  }
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
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}
