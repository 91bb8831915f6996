import type { StoredSession } from './format.js';
import { SessionUnion } from './merge.js';

/** What adding sessions to a store does, and which of them it must write. */
export interface Winners {
  /** Of the sessions added, those the store must write: new ones and conflicts they win. */
  winners: StoredSession[];
  /** The stored sessions that winners replace. */
  replaced: StoredSession[];
  /** Sessions the store did not hold. */
  added: number;
  /** Sessions the store held already with the same content. */
  alreadyStored: number;
  /** Sessions given more than once with the same content, in this one addition. */
  repeated: number;
  /** Ids given with content other than the store's, in the order found. */
  conflicts: string[];
}

/**
 * The union rules (`SessionUnion`) applied to `fresh` against `stored`, comparing only the
 * stored sessions whose ids `fresh` has: the cost grows with what is added, not with the store.
 */
export function newWinners(
  stored: readonly StoredSession[],
  fresh: readonly StoredSession[],
): Winners {
  const freshIds = new Set(fresh.map((session) => session.record.session_id));
  const union = new SessionUnion();
  const storedById = new Map<string, StoredSession>();
  for (const session of stored) {
    const id = session.record.session_id;
    if (freshIds.has(id)) {
      union.add(session);
      storedById.set(id, session);
    }
  }
  let added = 0;
  let identical = 0;
  let alreadyStored = 0;
  for (const session of fresh) {
    const outcome = union.add(session);
    if (outcome === 'added') added++;
    else if (outcome === 'identical') {
      identical++;
      if (storedById.has(session.record.session_id)) alreadyStored++;
    }
  }
  const given = new Set(fresh);
  const winners: StoredSession[] = [];
  const replaced: StoredSession[] = [];
  for (const id of freshIds) {
    const session = union.get(id);
    if (!session || !given.has(session)) continue;
    winners.push(session);
    const before = storedById.get(id);
    if (before) replaced.push(before);
  }
  return {
    winners,
    replaced,
    added,
    alreadyStored,
    repeated: identical - alreadyStored,
    conflicts: union.conflicts,
  };
}
