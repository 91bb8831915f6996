import type { ListedArtifact } from './read-plan.js';

/**
 * What the artifact store needs from GitHub; `src/github` implements it over the REST API and
 * @actions/artifact, tests over plain data.
 */
export interface ArtifactService {
  /** Every artifact of exactly this name, across runs, in any order (every page). */
  list(name: string, signal?: AbortSignal): Promise<ListedArtifact[]>;
  /** This run's artifacts of exactly this name: to check an upload whose reply was lost. */
  listOfThisRun(name: string, signal?: AbortSignal): Promise<ListedArtifact[]>;
  /**
   * Writes the zip's bytes to `path`, or answers 'expired' (GitHub answered 410). Throws
   * `DownloadFailed` otherwise, and the signal's reason when it aborts.
   */
  download(
    artifact: ListedArtifact,
    path: string,
    signal?: AbortSignal,
  ): Promise<'done' | 'expired'>;
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
    /** Worth another try (a 5xx from the blob service, a stall). */
    readonly transient = false,
  ) {
    super(reason);
    this.name = 'DownloadFailed';
  }
}
