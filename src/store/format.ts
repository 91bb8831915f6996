import type { SessionRecord } from '../records/types.js';

/**
 * Store format v1, shared by the `artifact` and `dir` backends so that a store can move between
 * them: a snapshot is `manifest.json` (this file's `StoreManifest`) and `sessions.jsonl` (one
 * `StoredSession` per line).
 */
export const STORE_FORMAT = 'ab-verdict-store';
export const STORE_SCHEMA_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
export const SESSIONS_FILE = 'sessions.jsonl';

/** Where a session came from: the run that first reported it (null outside GitHub Actions). */
export interface Provenance {
  runId: number | null;
  attempt: number | null;
  commit: string | null;
  /** ISO 8601; on a conflict the record with the later time wins. */
  time: string;
  /** The result file, as given to the run. */
  source: string;
}

export interface StoredSession {
  record: SessionRecord;
  provenance: Provenance;
}

/** One look at the experiment: what the run that wrote it concluded. */
export interface HistoryEntry {
  runId: number | null;
  attempt: number | null;
  sha: string | null;
  time: string;
  sessions: { control: number; treatment: number };
  verdict: string;
  /** The primary metric's relative lift, treatment over control. */
  lift: { estimate: number; ci: [number, number] | null } | null;
  method: string;
}

/**
 * What people said about an experiment (`ab-verdict create`, or an imported seed test file).
 * Every field is optional: manifests without them, as the Action wrote them before, still read.
 * A merge keeps each field from the newest snapshot that has it (`mergeMeta`).
 */
export interface ExperimentMeta {
  description?: string;
  /** The prompt or task the sessions ran. */
  prompt?: string;
  category?: string;
  /** `easy`, `medium` or `hard` when set by `create`; a seed file's own value when imported. */
  difficulty?: string;
  /** The variants `analyze <experiment>` compares, when not cold and warm. */
  control?: string;
  treatment?: string;
  /** An imported seed test file's fields other than its results (`task`, `created_at`, …). */
  seed?: Record<string, unknown>;
}

export interface StoreManifest extends ExperimentMeta {
  format: typeof STORE_FORMAT;
  schemaVersion: typeof STORE_SCHEMA_VERSION;
  experiment: string;
  createdAt: string;
  updatedAt: string;
  /**
   * How many lines sessions.jsonl holds (not blank ones). A session_id on two lines is one
   * session, the later line winning: the local store appends a replaced session.
   */
  sessions: number;
  /**
   * The bytes of sessions.jsonl this manifest vouches for; bytes after them are an append that
   * did not finish, never read. Absent in manifests written before it existed: all are read.
   */
  sessionsBytes?: number;
  /** Ids of the artifacts whose sessions this snapshot contains (transitively). */
  covers: number[];
  history: HistoryEntry[];
}

export interface Snapshot {
  manifest: StoreManifest;
  sessions: StoredSession[];
}
