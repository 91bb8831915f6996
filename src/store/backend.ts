import type { Snapshot, StoredSession } from './format.js';

/** Where the store's messages go: the Action makes annotations of them, tests collect them. */
export interface StoreLog {
  info(message: string): void;
  /** Nothing is wrong, but a reader should know (e.g. an expired artifact). */
  notice(message: string, title: string): void;
  /** Something was skipped: a corrupt artifact, bad lines. */
  warning(message: string, title: string): void;
}

/** A snapshot read from the store, with where it came from. */
export interface LoadedSnapshot {
  /** The artifact's id; null for a folder. */
  id: number | null;
  /** `artifact ab-verdict-x (id 12)` or the folder: for messages. */
  label: string;
  snapshot: Snapshot;
  /**
   * It holds every line its manifest counts: only then are its id and `covers` carried into the
   * next snapshot's `covers` (else a build that can read it all still will).
   */
  complete: boolean;
}

/** What reading the store found. */
export interface StoreRead {
  snapshots: LoadedSnapshot[];
  /** Artifacts or folders not used, and why: shown in the report's details. */
  skipped: { label: string; reason: string }[];
}

export interface StoreWritten {
  label: string;
  /** The artifact's id; null for a folder. */
  artifactId: number | null;
}

/** A place the store lives: workflow artifacts, or a folder. */
export interface StoreBackend {
  /** `workflow artifacts ab-verdict-x` or `folder .ab-verdict/x`. */
  readonly description: string;
  read(): Promise<StoreRead>;
  /**
   * Stores the snapshot: the union of what was read and this run's sessions, `fresh`. A backend
   * that appends writes only what of `fresh` it lacks. Null when it keeps nothing (`none`).
   */
  write(snapshot: Snapshot, fresh: readonly StoredSession[]): Promise<StoreWritten | null>;
}

/** The store cannot be read at all (its artifacts cannot be listed): nothing of it is known. */
export class StoreUnreadable extends Error {
  constructor(
    message: string,
    /** The HTTP status behind it, when GitHub answered with one. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'StoreUnreadable';
  }
}
