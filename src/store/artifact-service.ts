import type { ListedArtifact } from './read-plan.js';

/**
 * What the artifact store needs from GitHub; `src/github` implements it over the REST API and
 * @actions/artifact, tests over plain data.
 */
export interface ArtifactService {
  /** Artifacts of exactly this name, across runs, newest first (at most one page). */
  list(name: string): Promise<ListedArtifact[]>;
  /** The zip's bytes, or 'expired' (GitHub answered 410). Throws `DownloadFailed` otherwise. */
  download(artifact: ListedArtifact): Promise<Buffer | 'expired'>;
  /** Uploads the files (names relative to `dir`). Throws `NameTaken` when the run has the name. */
  upload(
    name: string,
    dir: string,
    files: string[],
    retentionDays: number | undefined,
  ): Promise<{ id: number }>;
}

/** The run already has an artifact of this name (409): a re-run attempt or another job. */
export class NameTaken extends Error {
  constructor(readonly artifactName: string) {
    super(`an artifact named ${artifactName} already exists in this run`);
    this.name = 'NameTaken';
  }
}

/** A download that failed for a reason other than expiry; `reason` in plain words. */
export class DownloadFailed extends Error {
  constructor(
    readonly reason: string,
    /** Worth another try (a 5xx from the blob service). */
    readonly transient = false,
  ) {
    super(reason);
    this.name = 'DownloadFailed';
  }
}
