/** The records the fake keeps. Tests read them through `state`; handlers change them. */

/** `read` is what a fork pull request's `GITHUB_TOKEN` gets, whatever `permissions:` says. */
export type TokenPermissions = 'write' | 'read';

export interface RunRecord {
  id: number;
  number: number;
  /** The latest attempt; re-runs keep the id and count up. */
  attempt: number;
  /** `workflow_run_backend_id`, shared by all attempts so their artifacts stay one run's. */
  backendId: string;
  headSha: string;
  headBranch: string;
}

export interface JobRecord {
  name: string;
  runId: number;
  attempt: number;
  backendId: string;
  runtimeToken: string;
}

export interface TokenRecord {
  token: string;
  permissions: TokenPermissions;
  login: string;
  type: 'Bot' | 'User';
}

export interface ArtifactRecord {
  id: number;
  name: string;
  runId: number;
  jobBackendId: string;
  /** As the client declared it in FinalizeArtifact (seeded: the zip's length). */
  size: number;
  /** `sha256:<hex>` as the client declared it, or null. */
  digest: string | null;
  zipBytes: Buffer;
  createdAt: Date;
  expiresAt: Date;
  expired: boolean;
  /** Uploaded by a run of a pull request from a fork (another head repository). */
  fromFork?: boolean;
}

/** An artifact between CreateArtifact and FinalizeArtifact. */
export interface UploadRecord {
  name: string;
  runId: number;
  jobBackendId: string;
  expiresAt: Date | null;
  blocks: Map<string, Buffer>;
  committed: Buffer | null;
}

export interface CommentRecord {
  id: number;
  issue: number;
  body: string;
  login: string;
  type: 'Bot' | 'User';
  createdAt: Date;
  updatedAt: Date;
}

export interface PullRecord {
  number: number;
  title: string;
  headRef: string;
  headSha: string;
  /** `owner/name`; a fork when it differs from the base repository. */
  headRepo: string;
  baseRef: string;
  baseSha: string;
  mergeSha: string;
}

export interface RequestLogEntry {
  method: string;
  /** Path and query, as requested. */
  path: string;
  status?: number;
  /** Why it landed in `unhandled` (no route, or the fake threw). */
  reason?: string;
}
