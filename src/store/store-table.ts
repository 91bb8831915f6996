import { ColumnarSessionTable } from '../records/session-table.js';
import type { SessionTable } from '../records/types.js';
import type { StoredSession } from './format.js';

/**
 * The merged store as the analysis reads it, keeping `labelFields` (the breakdowns' fields) as
 * labels besides the built-in ones. The sessions are already deduped, so the table's
 * own duplicate counts would be zero: it reports the store's instead (this run's re-reports and
 * every conflict, later winning), which the report's input summary and warnings show.
 */
export function storeTable(
  sessions: readonly StoredSession[],
  duplicates: SessionTable['duplicates'],
  labelFields: readonly string[] = [],
): SessionTable {
  const table = new ColumnarSessionTable({ extraLabels: labelFields });
  for (const { record } of sessions) table.add(record);
  return withDuplicates(table, duplicates);
}

/** The table, reporting the store's duplicate counts instead of its own. */
export function withDuplicates(
  table: SessionTable,
  duplicates: SessionTable['duplicates'],
): SessionTable {
  return {
    get size() {
      return table.size;
    },
    labels: (field) => table.labels(field),
    codes: (field) => table.codes(field),
    column: (name) => table.column(name),
    columnNames: () => table.columnNames(),
    duplicates,
  };
}

/** Per variant, the sessions the store held before this run (all but those it added). */
export function storedEarlier(
  sessions: readonly StoredSession[],
  addedIds: ReadonlySet<string>,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { record } of sessions) {
    if (!addedIds.has(record.session_id))
      counts[record.variant] = (counts[record.variant] ?? 0) + 1;
  }
  return counts;
}
