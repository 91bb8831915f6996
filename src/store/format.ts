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

export interface StoreManifest {
  format: typeof STORE_FORMAT;
  schemaVersion: typeof STORE_SCHEMA_VERSION;
  experiment: string;
  createdAt: string;
  updatedAt: string;
  /** How many lines sessions.jsonl holds. */
  sessions: number;
  /** Ids of the artifacts whose sessions this snapshot contains (transitively). */
  covers: number[];
  history: HistoryEntry[];
}

export interface Snapshot {
  manifest: StoreManifest;
  sessions: StoredSession[];
}
