import type { ReadResult } from '../../src/records/read.js';
import type { LabelField, SessionTable } from '../../src/records/types.js';

const LABEL_FIELDS: LabelField[] = ['variant', 'task_id', 'experiment', 'category', 'difficulty'];

/**
 * Every value a `SessionTable` shows, as plain data; -0 spelled out, since toEqual takes it for 0.
 * `extraLabels`: the label fields it keeps besides the built-in ones.
 */
export function tableSnapshot(table: SessionTable, extraLabels: readonly string[] = []) {
  const names = table.columnNames();
  return {
    size: table.size,
    labels: [...LABEL_FIELDS, ...extraLabels].map((field) => [
      field,
      table.labels(field),
      [...table.codes(field)],
    ]),
    columnNames: names,
    columns: names.map((name) => [name, [...table.column(name)].map(showZero)]),
    duplicates: table.duplicates,
  };
}

/** A `ReadResult` as plain data, the order of `otherExperiments` included. */
export function resultSnapshot(result: ReadResult, extraLabels: readonly string[] = []) {
  return {
    table: tableSnapshot(result.table, extraLabels),
    problems: result.problems,
    skipped: result.skipped,
    files: result.files,
    recordsRead: result.recordsRead,
    otherExperiments: Object.entries(result.otherExperiments),
  };
}

function showZero(value: number): number | string {
  return Object.is(value, -0) ? '-0' : value;
}
