import type { ExperimentConfig } from '../config/experiment-config.js';
import { ConfigError } from '../config/parse-inputs.js';
import type { SessionTable } from '../records/types.js';
import { decide } from './decide.js';
import { variantCounts } from './arms-present.js';
import { applyFamilies } from './family.js';
import { lookLevel } from './look-level.js';
import { resolveMetrics, type ColumnCatalogue } from './metric-definitions.js';
import { metricReport } from './metric-report.js';
import type { InputSummary, Recommendation, Report } from './report-types.js';
import { armSamples, rowsOfVariant } from './samples.js';
import { sampleRatio } from './sample-ratio.js';
import { segmentBreakdowns } from './segments.js';
import { taskDrilldown } from './task-drilldown.js';
import { inputWarnings } from './warnings.js';

/** What the reader learnt about the input, beyond the table itself. */
export type InputFacts = Omit<InputSummary, 'duplicates' | 'otherVariants'>;

/**
 * The whole analysis: sessions in, report contract v1 out. Pure. `priorLooks` holds the sessions
 * (both arms) of each earlier look at this experiment, as the store's history keeps them: the
 * sequential design's boundary at this look depends on them. `tasks: false` leaves out the
 * per-task drill-down, whose verdict check asks `recommendationWithout` some tasks.
 */
export function analyze(
  table: SessionTable,
  config: ExperimentConfig,
  input: InputFacts,
  options: { priorLooks?: readonly number[]; tasks?: boolean } = {},
): Report {
  const experiment = config.experiment ?? singleExperiment(table);
  const controlRows = rowsOfVariant(table, config.control);
  const treatmentRows = rowsOfVariant(table, config.treatment);
  const { definitions, metrics, look, recommendation } = verdictOf(
    table,
    config,
    {
      control: controlRows,
      treatment: treatmentRows,
      columns: { names: table.columnNames(), column: (name) => table.column(name) },
    },
    options.priorLooks ?? [],
    false,
  );
  const srm = sampleRatio(controlRows.length, treatmentRows.length, config.expectedSplit);
  const summary: InputSummary = {
    ...input,
    duplicates: table.duplicates,
    otherVariants: otherVariants(table, config),
  };
  const reanalyze = (leaveOut: (row: number) => boolean) =>
    recommendationWithout(table, config, leaveOut, options.priorLooks ?? []);
  return {
    schemaVersion: 1,
    experiment,
    control: config.control,
    treatment: config.treatment,
    sessions: { [config.control]: controlRows.length, [config.treatment]: treatmentRows.length },
    analysis: {
      method: config.method,
      expectedSessions: config.method === 'fixed-horizon' ? null : config.expectedSessions,
      design: metrics.find((m) => m.role === 'primary')?.design.explanation ?? '',
      alpha: config.alpha,
      minEffect: config.minEffect,
      equivalenceMargin: config.equivalenceMargin,
      power: config.power,
      correction: config.correction,
      guardrailPolicy: config.guardrailPolicy,
      sequential: look.sequential,
    },
    metrics,
    segments: segmentBreakdowns(
      table,
      definitions.find((d) => d.role === 'primary')!,
      config,
    ),
    tasks:
      options.tasks === false
        ? null
        : taskDrilldown(table, definitions, config, recommendation, reanalyze),
    srm,
    recommendation,
    warnings: inputWarnings(summary, srm, {
      control: config.control,
      treatment: config.treatment,
      sessions: [controlRows.length, treatmentRows.length],
    }),
    input: summary,
  };
}

/**
 * The recommendation the whole analysis gives on the table without the rows `leaveOut` picks:
 * the same steps on the rows kept, reading the table in place (no copy of its columns), and
 * only what decides — the secondary metrics, the classical reference tests and the arms'
 * descriptions never do, and at a million sessions they are most of the work.
 */
export function recommendationWithout(
  table: SessionTable,
  config: ExperimentConfig,
  leaveOut: (row: number) => boolean,
  priorLooks: readonly number[],
): Recommendation {
  const keep = (row: number) => !leaveOut(row);
  const control = rowsOfVariant(table, config.control, keep);
  const treatment = rowsOfVariant(table, config.treatment, keep);
  const kept = mergeRows(control, treatment);
  // The columns as a table built without the rows left out has them: one a kept session has.
  const columns = {
    names: table.columnNames().filter((name) => hasValue(table.column(name), kept)),
    column: (name: string) => gather(table.column(name), kept),
  };
  return verdictOf(table, config, { control, treatment, columns }, priorLooks, true).recommendation;
}

/** The metrics compared on the arms' rows and the recommendation they lead to. */
function verdictOf(
  table: SessionTable,
  config: ExperimentConfig,
  rows: { control: Int32Array; treatment: Int32Array; columns: ColumnCatalogue },
  priorLooks: readonly number[],
  verdictOnly: boolean,
) {
  const definitions = resolveMetrics(config, rows.columns, verdictOnly).filter(
    (definition) => !verdictOnly || definition.role !== 'secondary',
  );
  const look = lookLevel(config, priorLooks, rows.control.length + rows.treatment.length);
  const reports = definitions.map((definition) =>
    metricReport(
      definition,
      armSamples(table, rows.control, definition.source),
      armSamples(table, rows.treatment, definition.source),
      config,
      look,
      !verdictOnly,
    ),
  );
  const metrics = applyFamilies(reports, definitions, config);
  return { definitions, metrics, look, recommendation: decide(metrics, definitions, config) };
}

/** Two ascending row lists as one. */
function mergeRows(a: Int32Array, b: Int32Array): Int32Array {
  const merged = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) merged[k++] = a[i]! < b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) merged[k++] = a[i++]!;
  while (j < b.length) merged[k++] = b[j++]!;
  return merged;
}

function gather(values: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]!]!;
  return out;
}

function hasValue(values: Float64Array, rows: Int32Array): boolean {
  for (let i = 0; i < rows.length; i++) if (!Number.isNaN(values[rows[i]!]!)) return true;
  return false;
}

/** The experiment the records name, when no experiment was configured. */
function singleExperiment(table: SessionTable): string {
  const names = table.labels('experiment');
  const codes = table.codes('experiment');
  const used = new Set<number>();
  for (let r = 0; r < table.size; r++) used.add(codes[r]!);
  const named = [...used].filter((code) => code >= 0).map((code) => names[code]!);
  if (named.length > 1) {
    throw new ConfigError([
      `--experiment: the records belong to ${named.length} experiments (${named.sort().join(', ')}); choose one`,
    ]);
  }
  return named[0] ?? 'default';
}

function otherVariants(table: SessionTable, config: ExperimentConfig): Record<string, number> {
  const others = [...variantCounts(table)].filter(
    ([name]) => name !== config.control && name !== config.treatment,
  );
  return Object.fromEntries(others.sort(([a], [b]) => a.localeCompare(b)));
}
