import type { HistoryEntry, StoredSession } from './format.js';

/** What adding one session to the union did. */
export type MergeOutcome = 'added' | 'identical' | 'replaced' | 'kept';

/**
 * The store's union of sessions, keyed by `session_id`. The same record seen again changes
 * nothing (the first provenance stays); a different record with a known id is a conflict, and
 * the one with the later provenance time wins (on a tie, the one added last).
 */
export class SessionUnion {
  /** `key`, the record's canonical JSON, is made only when the id is seen again. */
  private readonly byId = new Map<string, { session: StoredSession; key?: string }>();
  /** Ids that arrived with different content, in the order found. */
  readonly conflicts: string[] = [];
  private readonly conflicting = new Set<string>();
  identical = 0;

  add(session: StoredSession): MergeOutcome {
    const id = session.record.session_id;
    const known = this.byId.get(id);
    if (!known) {
      this.byId.set(id, { session });
      return 'added';
    }
    // Only records that share an id are serialised, to compare them.
    known.key ??= canonicalJson(known.session.record);
    const key = canonicalJson(session.record);
    if (known.key === key) {
      this.identical++;
      return 'identical';
    }
    if (!this.conflicting.has(id)) {
      this.conflicting.add(id);
      this.conflicts.push(id);
    }
    if (timeOf(session) >= timeOf(known.session)) {
      this.byId.set(id, { session, key });
      return 'replaced';
    }
    return 'kept';
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The session the union holds for an id. */
  get(id: string): StoredSession | undefined {
    return this.byId.get(id)?.session;
  }

  get size(): number {
    return this.byId.size;
  }

  /** Oldest first (by provenance time, then the order first seen), as written to sessions.jsonl. */
  sessions(): StoredSession[] {
    const all = Array.from(this.byId.values(), ({ session }) => session);
    const times = Float64Array.from(all, timeOf);
    // Usually in order already: one snapshot read, then this run's sessions.
    if (times.every((time, i) => i === 0 || time >= times[i - 1]!)) return all;
    const order = Uint32Array.from(all.keys()).sort((a, b) => times[a]! - times[b]! || a - b);
    return Array.from(order, (i) => all[i]!);
  }
}

/** The artifacts a new snapshot contains: those it read and everything they contained. */
export function unionOfCovers(read: { id: number; covers: readonly number[] }[]): number[] {
  const ids = new Set<number>();
  for (const { id, covers } of read) {
    ids.add(id);
    for (const covered of covers) ids.add(covered);
  }
  return [...ids].sort((a, b) => a - b);
}

/** How many looks the history keeps; older ones add nothing a reader can see. */
export const HISTORY_KEPT = 200;

/** One entry per run attempt, oldest first, the newest `HISTORY_KEPT` kept. */
export function mergeHistories(histories: readonly HistoryEntry[][]): HistoryEntry[] {
  const byLook = new Map<string, HistoryEntry>();
  for (const entry of histories.flat()) {
    const look = entry.runId === null ? `time:${entry.time}` : `${entry.runId}:${entry.attempt}`;
    if (!byLook.has(look)) byLook.set(look, entry);
  }
  return [...byLook.values()]
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time))
    .slice(-HISTORY_KEPT);
}

function timeOf(session: StoredSession): number {
  return Date.parse(session.provenance.time);
}

/** JSON with keys sorted at every level: equal records give equal text whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : item,
  );
}
