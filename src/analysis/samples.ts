import type { SessionTable } from '../records/types.js';
import type { MetricSource } from './metric-definitions.js';

/** The rows of one variant, optionally only those passing `keep`. */
export function rowsOfVariant(
  table: SessionTable,
  variant: string,
  keep: (row: number) => boolean = () => true,
): Int32Array {
  const code = table.labels('variant').indexOf(variant);
  const codes = table.codes('variant');
  const rows = new Int32Array(table.size);
  let n = 0;
  for (let r = 0; r < table.size; r++) if (codes[r] === code && keep(r)) rows[n++] = r;
  return rows.slice(0, n);
}

/**
 * One arm's values of a metric, with the task of each session (a code, -1 when unknown); for a
 * ratio, numerators and denominators side by side.
 */
export type ArmSamples =
  | { type: 'column'; values: Float64Array; tasks: Int32Array }
  | { type: 'ratio'; numerators: Float64Array; denominators: Float64Array; tasks: Int32Array };

/** The arm's sessions that carry the metric: a session without its fields is not counted. */
export function armSamples(
  table: SessionTable,
  rows: Int32Array,
  source: MetricSource,
): ArmSamples {
  const taskCodes = table.codes('task_id');
  const tasks = new Int32Array(rows.length);
  let n = 0;
  if (source.type === 'column') {
    const column = table.column(source.column);
    const values = new Float64Array(rows.length);
    for (const r of rows) {
      const v = column[r]!;
      if (Number.isNaN(v)) continue;
      values[n] = v;
      tasks[n++] = taskCodes[r]!;
    }
    return { type: 'column', values: values.subarray(0, n), tasks: tasks.subarray(0, n) };
  }
  const numerator = table.column(source.numerator);
  const minus = source.numeratorMinus ? table.column(source.numeratorMinus) : undefined;
  const denominator = table.column(source.denominator);
  const numerators = new Float64Array(rows.length);
  const denominators = new Float64Array(rows.length);
  for (const r of rows) {
    const top = minus ? numerator[r]! - minus[r]! : numerator[r]!;
    const bottom = denominator[r]!;
    if (Number.isNaN(top) || Number.isNaN(bottom)) continue;
    numerators[n] = top;
    denominators[n] = bottom;
    tasks[n++] = taskCodes[r]!;
  }
  return {
    type: 'ratio',
    numerators: numerators.subarray(0, n),
    denominators: denominators.subarray(0, n),
    tasks: tasks.subarray(0, n),
  };
}
