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
  const kept: number[] = [];
  for (let r = 0; r < table.size; r++) if (!leaveOut(r)) kept.push(r);
  const rows = Int32Array.from(kept);
  const codes = new Map<string, Int32Array>();
  const columns = new Map<string, Float64Array>();
  const gatherCodes = (field: string) => {
    const all = table.codes(field);
    return rows.map((r) => all[r]!);
  };
  const gatherColumn = (name: string) => {
    const all = table.column(name);
    return Float64Array.from(rows, (r) => all[r]!);
  };
  const column = (name: string) => cached(columns, name, gatherColumn);
  return {
    size: rows.length,
    labels: (field) => table.labels(field),
    codes: (field) => cached(codes, field, gatherCodes),
    column,
    columnNames: () =>
      table.columnNames().filter((name) => column(name).some((v) => !Number.isNaN(v))),
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
