/** An artifact as the REST listing describes it. */
export interface ListedArtifact {
  id: number;
  name: string;
  sizeInBytes: number;
  /** ISO 8601. */
  createdAt: string;
  expired: boolean;
  /** `sha256:<hex>`, when GitHub knows it. */
  digest: string | null;
  /** Uploaded by a run of a fork's pull request, whose code no one reviewed: not trusted. */
  fromFork: boolean;
}

export interface ReadPlanOptions {
  now: Date;
  /** Artifacts created longer ago than this are not read. */
  lookbackDays: number;
  /** Downloads at most this many artifacts, however many runs overlapped. */
  maxDownloads: number;
}

/** Why an artifact that holds sessions no snapshot read contains was not read. */
export type MissedReason = 'expired' | 'too-old' | 'over-limit' | 'out-of-time';

export interface MissedArtifact {
  artifact: ListedArtifact;
  reason: MissedReason;
}

/**
 * Which store artifacts to download, newest first, skipping every artifact already contained in
 * (covered by) a snapshot downloaded before. In steady state the newest snapshot covers all
 * older ones: one download. With k runs overlapping, k downloads: bounded by concurrency, not by
 * how long the experiment has run.
 */
export class ReadPlan {
  /** In the look-back window, newest first. */
  private readonly candidates: ListedArtifact[];
  private readonly tooOld: ListedArtifact[];
  private readonly covered = new Set<number>();
  private readonly expired = new Set<number>();
  private readonly attempted = new Set<number>();
  private position = 0;
  private outOfTime = false;

  constructor(
    listing: readonly ListedArtifact[],
    private readonly options: ReadPlanOptions,
  ) {
    const unique = [...new Map(listing.map((artifact) => [artifact.id, artifact])).values()];
    const sorted = unique.sort(
      (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id,
    );
    const oldest = options.now.getTime() - options.lookbackDays * 24 * 3600 * 1000;
    this.candidates = sorted.filter((a) => Date.parse(a.createdAt) >= oldest);
    this.tooOld = sorted.filter((a) => Date.parse(a.createdAt) < oldest);
    for (const artifact of sorted) if (artifact.expired) this.expired.add(artifact.id);
  }

  /** The next artifact to download, or undefined when every artifact is read or covered. */
  next(): ListedArtifact | undefined {
    while (this.position < this.candidates.length && !this.outOfTime) {
      if (this.attempted.size >= this.options.maxDownloads) return undefined;
      const artifact = this.candidates[this.position++] as ListedArtifact;
      if (this.covered.has(artifact.id) || this.expired.has(artifact.id)) continue;
      this.attempted.add(artifact.id);
      return artifact;
    }
    return undefined;
  }

  /** The artifact was read: it and everything its snapshot covers need no download. */
  read(id: number, covers: readonly number[]): void {
    this.covered.add(id);
    for (const covered of covers) this.covered.add(covered);
  }

  /** The store read's time budget ran out: nothing more is downloaded. */
  stop(): void {
    this.outOfTime = true;
  }

  /** The download found it expired (410). */
  markExpired(id: number): void {
    this.expired.add(id);
  }

  /**
   * Artifacts not read whose sessions no snapshot that was read contains. Ask after the reads:
   * a later read may still cover an artifact passed over. Artifacts that failed to read are
   * not here: their reader reports why.
   */
  missed(): MissedArtifact[] {
    const missed: MissedArtifact[] = [];
    for (const artifact of [...this.candidates, ...this.tooOld]) {
      if (this.covered.has(artifact.id)) continue;
      if (this.expired.has(artifact.id)) missed.push({ artifact, reason: 'expired' });
      else if (this.tooOld.includes(artifact)) missed.push({ artifact, reason: 'too-old' });
      else if (!this.attempted.has(artifact.id)) {
        missed.push({ artifact, reason: this.outOfTime ? 'out-of-time' : 'over-limit' });
      }
    }
    return missed;
  }
}
