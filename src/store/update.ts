import type { LoadedSnapshot } from './backend.js';
import { mergeMeta } from './experiment-meta.js';
import {
  STORE_FORMAT,
  STORE_SCHEMA_VERSION,
  type ExperimentMeta,
  type HistoryEntry,
  type Snapshot,
  type StoredSession,
} from './format.js';
import { mergeHistories, SessionUnion, unionOfCovers } from './merge.js';

/** The store after this run: everything read, plus this run's sessions. */
export interface StoreUpdate {
  union: SessionUnion;
  /** Sessions of this run's results that the store did not hold. */
  added: number;
  addedIds: Set<string>;
  /** Sessions of this run's results the store already held unchanged (a re-run attempt). */
  alreadyStored: number;
  /** Duplicates as the report counts them: this run's re-reports, and every conflict. */
  duplicates: { identical: number; conflicting: number; conflictingIds: string[] };
  covers: number[];
  history: HistoryEntry[];
  createdAt: string | null;
  /** The experiment's description and settings, carried from the snapshots read. */
  meta: ExperimentMeta;
}

/**
 * The union of the snapshots read and this run's sessions. Overlapping snapshots repeat sessions
 * by design, so repeats among them are not duplicates; a conflict anywhere is.
 */
export function updateStore(
  prior: readonly LoadedSnapshot[],
  fresh: readonly StoredSession[],
): StoreUpdate {
  const union = new SessionUnion();
  for (const { snapshot } of prior) for (const session of snapshot.sessions) union.add(session);
  const identicalInStore = union.identical;
  const addedIds = new Set<string>();
  let alreadyStored = 0;
  for (const session of fresh) {
    const id = session.record.session_id;
    // In the union before this run's sessions, and not one of them: the store held it.
    const stored = union.has(id) && !addedIds.has(id);
    const outcome = union.add(session);
    if (outcome === 'added') addedIds.add(id);
    else if (outcome === 'identical' && stored) alreadyStored++;
  }
  const createdAt = prior
    .map(({ snapshot }) => snapshot.manifest.createdAt)
    .sort()
    .at(0);
  return {
    union,
    added: addedIds.size,
    addedIds,
    alreadyStored,
    duplicates: {
      identical: union.identical - identicalInStore,
      conflicting: union.conflicts.length,
      conflictingIds: union.conflicts.slice(0, 20),
    },
    covers: unionOfCovers(
      prior.flatMap(({ id, snapshot, complete }) =>
        id === null || !complete ? [] : [{ id, covers: snapshot.manifest.covers }],
      ),
    ),
    history: mergeHistories(prior.map(({ snapshot }) => snapshot.manifest.history)),
    createdAt: createdAt ?? null,
    meta: mergeMeta(prior.map(({ snapshot }) => snapshot.manifest)),
  };
}

/** The snapshot this run writes: the union, what it covers, and the history with this look. */
export function snapshotOf(
  update: StoreUpdate,
  experiment: string,
  look: HistoryEntry,
  now: Date,
  /** `update.union.sessions()`, when the caller has it already. */
  sessions = update.union.sessions(),
): Snapshot {
  return {
    manifest: {
      format: STORE_FORMAT,
      schemaVersion: STORE_SCHEMA_VERSION,
      experiment,
      createdAt: update.createdAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
      sessions: sessions.length,
      covers: update.covers,
      ...update.meta,
      history: mergeHistories([update.history, [look]]),
    },
    sessions,
  };
}
