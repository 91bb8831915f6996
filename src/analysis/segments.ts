import type { ExperimentConfig } from '../config/experiment-config.js';
import { ConfigError } from '../config/parse-inputs.js';
import type { LabelField, SessionTable } from '../records/types.js';
import { benjaminiHochberg } from '../stats/index.js';
import type { MetricDefinition } from './metric-definitions.js';
import { metricReport } from './metric-report.js';
import type { SegmentReport } from './report-types.js';
import { armSamples, rowsOfVariant } from './samples.js';

/** Fields a breakdown can use: the record's label fields. */
export const SEGMENT_FIELDS: readonly LabelField[] = ['category', 'difficulty', 'task_id'];

/**
 * The primary metric within each value of each configured field (`category`, `difficulty`, …),
 * analysed as the whole experiment is, with Benjamini–Hochberg across the values of one field:
 * a breakdown is exploratory, and many small segments would otherwise find "effects" by chance.
 */
export function segmentBreakdowns(
  table: SessionTable,
  primary: MetricDefinition,
  config: ExperimentConfig,
): SegmentReport[] {
  const unknown = config.segments.filter((field) => !SEGMENT_FIELDS.includes(field as LabelField));
  if (unknown.length > 0) {
    throw new ConfigError([
      `--segments: expected fields among ${SEGMENT_FIELDS.join(', ')}, got ${unknown.map((f) => JSON.stringify(f)).join(', ')}`,
    ]);
  }
  return config.segments.map((field) => breakdown(table, primary, config, field as LabelField));
}

function breakdown(
  table: SessionTable,
  primary: MetricDefinition,
  config: ExperimentConfig,
  field: LabelField,
): SegmentReport {
  const codes = table.codes(field);
  const values = table.labels(field);
  const groups = values.map((value, code) => {
    const inSegment = (row: number) => codes[row] === code;
    const controlRows = rowsOfVariant(table, config.control, inSegment);
    const treatmentRows = rowsOfVariant(table, config.treatment, inSegment);
    const report = metricReport(
      primary,
      armSamples(table, controlRows, primary.source),
      armSamples(table, treatmentRows, primary.source),
      config,
    );
    return {
      value,
      sessions: { control: controlRows.length, treatment: treatmentRows.length },
      control: report.control,
      treatment: report.treatment,
      difference: report.difference,
      relative: report.relative,
      design: report.design.kind,
      test: report.test,
      pValue: report.pValue,
    };
  });
  const tested = groups.filter((g) => g.pValue !== null);
  const adjusted = benjaminiHochberg(tested.map((g) => g.pValue!));
  const adjustedByValue = new Map(tested.map((g, i) => [g.value, adjusted[i]!]));
  return {
    field,
    metric: primary.name,
    correction: 'bh',
    groups: groups
      .map((group) => {
        const adjustedPValue = adjustedByValue.get(group.value) ?? null;
        const significant = adjustedPValue !== null && adjustedPValue < config.alpha;
        const estimate = group.difference.estimate ?? 0;
        const improved = primary.better === 'higher' ? estimate > 0 : estimate < 0;
        return {
          ...group,
          adjustedPValue,
          significant,
          direction: significant && estimate !== 0 ? (improved ? 'better' : 'worse') : 'none',
        } as const;
      })
      .sort((a, b) => a.value.localeCompare(b.value)),
  };
}
