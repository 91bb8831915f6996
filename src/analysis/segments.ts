import type { ExperimentConfig } from '../config/experiment-config.js';
import { ConfigError } from '../config/parse-inputs.js';
import type { SessionTable } from '../records/types.js';
import { benjaminiHochberg } from '../stats/index.js';
import type { MetricDefinition } from './metric-definitions.js';
import { lookLevel } from './look-level.js';
import { metricReport } from './metric-report.js';
import type { SegmentReport } from './report-types.js';
import { armSamples, rowsOfVariant } from './samples.js';

/**
 * The primary metric within each value of each configured field (`category`, `difficulty`, or
 * any top-level record field the table kept as a label), analysed as the whole experiment is,
 * with Benjamini–Hochberg across the values of one field: a breakdown is exploratory, and many
 * small segments would otherwise find "effects" by chance. A field no session has is an error.
 */
export function segmentBreakdowns(
  table: SessionTable,
  primary: MetricDefinition,
  config: ExperimentConfig,
): SegmentReport[] {
  const missing = table.size === 0 ? [] : config.segments.filter((f) => !hasField(table, f));
  if (missing.length > 0) {
    throw new ConfigError(
      missing.map((field) => `--segments: no session has a field ${JSON.stringify(field)}`),
    );
  }
  return config.segments.map((field) => breakdown(table, primary, config, field));
}

function hasField(table: SessionTable, field: string): boolean {
  return table.labels(field).length > 0 && table.codes(field).some((code) => code !== -1);
}

function breakdown(
  table: SessionTable,
  primary: MetricDefinition,
  config: ExperimentConfig,
  field: string,
): SegmentReport {
  const codes = table.codes(field);
  const values = table.labels(field);
  const groups = values.map((value, code) => {
    const inSegment = (row: number) => codes[row] === code;
    const controlRows = rowsOfVariant(table, config.control, inSegment);
    const treatmentRows = rowsOfVariant(table, config.treatment, inSegment);
    // A breakdown is exploratory, looked at once: fixed-horizon, whatever the method.
    const report = metricReport(
      primary,
      armSamples(table, controlRows, primary.source),
      armSamples(table, treatmentRows, primary.source),
      { ...config, method: 'fixed-horizon' },
      lookLevel({ ...config, method: 'fixed-horizon' }, [], 0),
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
