import type { StoredSession, StoreManifest } from '../../src/store/format.js';

/** A stored session: a minimal valid record and its provenance. */
export function stored(
  id: string,
  options: { variant?: string; time?: string; runId?: number; calls?: number } = {},
): StoredSession {
  return {
    record: {
      session_id: id,
      variant: options.variant ?? 'cold',
      task_id: 't1',
      experiment: 'exp',
      tool_calls: options.calls ?? 10,
      successful_tool_calls: 9,
    },
    provenance: {
      runId: options.runId ?? 1,
      attempt: 1,
      commit: null,
      time: options.time ?? '2025-01-01T00:00:00.000Z',
      source: 'results.jsonl',
    },
  };
}

/** A manifest of experiment `exp`, as of 2025-01-01, with `fields` over it. */
export function manifestOf(fields: Partial<StoreManifest> = {}): StoreManifest {
  return {
    format: 'ab-verdict-store',
    schemaVersion: 1,
    experiment: 'exp',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    sessions: 0,
    covers: [],
    history: [],
    ...fields,
  };
}
