import type { SessionTable } from '../records/types.js';

/**
 * The table without the rows `leaveOut` picks, for re-analysing the experiment with a task or a
 * category left out. Columns are copied on first use, so a re-analysis costs one pass per
 * column it reads and the original table is untouched.
 */
export function tableWithout(
  table: SessionTable,
  leaveOut: (row: number) => boolean,
): SessionTable {
  const rows = new Int32Array(table.size);
  let size = 0;
  for (let r = 0; r < table.size; r++) if (!leaveOut(r)) rows[size++] = r;
  const codes = new Map<string, Int32Array>();
  const columns = new Map<string, Float64Array>();
  // Plain loops: this runs once per column and re-analysis, over every session.
  const gatherCodes = (field: string) => {
    const all = table.codes(field);
    const out = new Int32Array(size);
    for (let i = 0; i < size; i++) out[i] = all[rows[i]!]!;
    return out;
  };
  const gatherColumn = (name: string) => {
    const all = table.column(name);
    const out = new Float64Array(size);
    for (let i = 0; i < size; i++) out[i] = all[rows[i]!]!;
    return out;
  };
  const kept = rows.subarray(0, size);
  return {
    size,
    labels: (field) => table.labels(field),
    codes: (field) => cached(codes, field, gatherCodes),
    column: (name) => cached(columns, name, gatherColumn),
    // Read in place: a column is usually known to have a value at its first kept row.
    columnNames: () => table.columnNames().filter((name) => hasValue(table.column(name), kept)),
    duplicates: table.duplicates,
  };
}

function cached<T>(cache: Map<string, T>, key: string, make: (key: string) => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make(key);
    cache.set(key, value);
  }
  return value;
}

function hasValue(values: Float64Array, rows: Int32Array): boolean {
  for (let i = 0; i < rows.length; i++) if (!Number.isNaN(values[rows[i]!]!)) return true;
  return false;
}
