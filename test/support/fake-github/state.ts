import { ArtifactStore, sha256Digest } from './artifact-store.js';
import { CommentStore } from './comment-store.js';
import { RunRegistry, type FakeRun, type NewRunOptions, type TokenOptions } from './registry.js';
import { newBackendId, newSha } from './tokens.js';
import type { ArtifactRecord, CommentRecord, PullRecord, RequestLogEntry } from './types.js';
import { zipOf, type ZipFiles } from './zips.js';

export interface SeedArtifactOptions {
  name: string;
  runId: number;
  /** Zipped for you; or give `zipBytes` to serve exactly those bytes (see zips.ts). */
  files?: ZipFiles;
  zipBytes?: Buffer;
  /** Default now. Older than 90 days means expired, as GitHub's default retention. */
  createdAt?: Date;
  expired?: boolean;
  /** As if uploaded by a run of a pull request from a fork. */
  fromFork?: boolean;
}

/** The order the REST API lists artifacts in; GitHub documents none. */
export type ListingOrder = 'newest-first' | 'oldest-first' | 'shuffled';

export type SeedComment = string | { body: string; login?: string; createdAt?: Date };

/** Everything the fake knows, plus the test-facing ways to seed and inspect it. */
export class FakeState {
  /** Every request, in order, with the status it got. */
  readonly requests: RequestLogEntry[] = [];
  /** Requests no route knew (answered 404) or that made the fake throw (answered 500). */
  readonly unhandled: RequestLogEntry[] = [];
  readonly registry: RunRegistry;
  readonly artifactStore: ArtifactStore;
  readonly commentStore = new CommentStore();
  /** How `GET …/actions/artifacts` orders its pages. */
  listingOrder: ListingOrder = 'newest-first';
  private readonly pulls = new Map<number, PullRecord>();

  constructor(
    readonly origin: string,
    /** `owner/name` of the one repository the fake serves. */
    readonly repository: string,
  ) {
    this.artifactStore = new ArtifactStore(origin);
    this.registry = new RunRegistry({
      origin,
      repository,
      defaultHead: () => {
        const pr = this.pull(1);
        return { sha: pr.headSha, branch: pr.headRef };
      },
    });
    this.seedPull({ number: 1 });
  }

  newRun(options?: NewRunOptions): FakeRun {
    return this.registry.newRun(options);
  }

  /** Registers another REST token (e.g. a PAT of a user); returns it. */
  addToken(options?: TokenOptions): string {
    return this.registry.addToken(options);
  }

  /** All artifacts, newest first, `expired` as of now. */
  artifacts(): ArtifactRecord[] {
    const store = this.artifactStore;
    return store.list().map((a) => ({ ...a, expired: store.isExpired(a) }));
  }

  comments(issue: number): CommentRecord[] {
    return this.commentStore.ofIssue(issue).map((c) => ({ ...c }));
  }

  /** An artifact of an earlier run, as if uploaded then. */
  async seedArtifact(options: SeedArtifactOptions): Promise<ArtifactRecord> {
    const zipBytes = options.zipBytes ?? (await zipOf(options.files ?? {}));
    const run = this.registry.ensureRun(options.runId);
    return this.artifactStore.add({
      name: options.name,
      runId: run.id,
      jobBackendId: newBackendId(),
      size: zipBytes.length,
      digest: sha256Digest(zipBytes),
      zipBytes,
      createdAt: options.createdAt ?? new Date(),
      expired: options.expired ?? false,
      ...(options.fromFork ? { fromFork: true } : {}),
    });
  }

  /** As if a step of the run created an artifact of that name and was killed before Finalize. */
  reserveName(runId: number, name: string): void {
    this.artifactStore.startUpload({ name, runId, jobBackendId: newBackendId(), expiresAt: null });
  }

  expire(artifactId: number): void {
    const artifact = this.artifactStore.get(artifactId);
    if (!artifact) throw new Error(`expire: no artifact ${artifactId}`);
    artifact.expired = true;
  }

  /** Comments by others (default author `octocat`), oldest first. */
  seedComments(issue: number, comments: SeedComment[]): CommentRecord[] {
    return comments.map((seed) => {
      const {
        body,
        login = 'octocat',
        createdAt,
      } = typeof seed === 'string' ? { body: seed } : seed;
      const type = login.endsWith('[bot]') ? 'Bot' : 'User';
      return this.commentStore.add(issue, body, { login, type }, createdAt);
    });
  }

  /** A pull request; give `headRepo` another owner for a fork. PR #1 exists from the start. */
  seedPull(pull: Partial<PullRecord> & { number: number }): PullRecord {
    const record: PullRecord = {
      title: `Pull request #${pull.number}`,
      headRef: 'feature',
      headSha: newSha(),
      headRepo: this.repository,
      baseRef: 'main',
      baseSha: newSha(),
      mergeSha: newSha(),
      ...pull,
    };
    this.pulls.set(record.number, record);
    return record;
  }

  pull(number: number): PullRecord {
    const pull = this.pulls.get(number);
    if (!pull) throw new Error(`no pull request #${number}; seed it with seedPull`);
    return pull;
  }

  findPull(number: number): PullRecord | undefined {
    return this.pulls.get(number);
  }

  pullsWithHead(sha: string): PullRecord[] {
    return [...this.pulls.values()].filter((pull) => pull.headSha === sha);
  }
}
