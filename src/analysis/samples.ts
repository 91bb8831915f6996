import type { SessionTable } from '../records/types.js';
import type { MetricSource } from './metric-definitions.js';

/** The rows of one variant. */
export function rowsOfVariant(table: SessionTable, variant: string): Int32Array {
  const code = table.labels('variant').indexOf(variant);
  const codes = table.codes('variant');
  let count = 0;
  for (let r = 0; r < table.size; r++) if (codes[r] === code) count++;
  const rows = new Int32Array(count);
  let i = 0;
  for (let r = 0; r < table.size; r++) if (codes[r] === code) rows[i++] = r;
  return rows;
}

/** One arm's values of a metric; for a ratio, numerators and denominators side by side. */
export type ArmSamples =
  | { type: 'column'; values: Float64Array }
  | { type: 'ratio'; numerators: Float64Array; denominators: Float64Array };

/** The arm's sessions that carry the metric: a session without its fields is not counted. */
export function armSamples(
  table: SessionTable,
  rows: Int32Array,
  source: MetricSource,
): ArmSamples {
  if (source.type === 'column') {
    return { type: 'column', values: present(table.column(source.column), rows) };
  }
  const numerator = table.column(source.numerator);
  const minus = source.numeratorMinus ? table.column(source.numeratorMinus) : undefined;
  const denominator = table.column(source.denominator);
  const numerators = new Float64Array(rows.length);
  const denominators = new Float64Array(rows.length);
  let n = 0;
  for (const r of rows) {
    const top = minus ? numerator[r]! - minus[r]! : numerator[r]!;
    const bottom = denominator[r]!;
    if (Number.isNaN(top) || Number.isNaN(bottom)) continue;
    numerators[n] = top;
    denominators[n] = bottom;
    n++;
  }
  return {
    type: 'ratio',
    numerators: numerators.subarray(0, n),
    denominators: denominators.subarray(0, n),
  };
}

function present(column: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  let n = 0;
  for (const r of rows) {
    const v = column[r]!;
    if (!Number.isNaN(v)) out[n++] = v;
  }
  return out.subarray(0, n);
}

export function sampleSize(samples: ArmSamples): number {
  return samples.type === 'column' ? samples.values.length : samples.numerators.length;
}
