import type { ExperimentConfig } from '../config/experiment-config.js';
import { ConfigError } from '../config/parse-inputs.js';
import type { SessionTable } from '../records/types.js';
import { decide } from './decide.js';
import { variantCounts } from './arms-present.js';
import { applyFamilies } from './family.js';
import { lookLevel } from './look-level.js';
import { resolveMetrics, type MetricDefinition } from './metric-definitions.js';
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
  const definitions = resolveMetrics(config, {
    names: table.columnNames(),
    column: (name) => table.column(name),
  });
  const { metrics, look, recommendation } = compared(
    table,
    config,
    definitions,
    { control: controlRows, treatment: treatmentRows },
    options.priorLooks ?? [],
    true,
  );
  const srm = sampleRatio(controlRows.length, treatmentRows.length, config.expectedSplit);
  const summary: InputSummary = {
    ...input,
    duplicates: table.duplicates,
    otherVariants: otherVariants(table, config),
  };
  const reanalyze = (leaveOut: (row: number) => boolean) =>
    recommendationWithout(table, config, definitions, leaveOut, options.priorLooks ?? []);
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
 * The recommendation of the same analysis on the table without the rows `leaveOut` picks: the
 * metrics that decide (`definitions`: the primary metric and the guardrails, as the whole analysis
 * resolved them) compared again on the rows kept, reading the table in place (no copy of its
 * columns). The metrics stay those of the experiment: one whose sessions were all left out is
 * compared as having none, not taken for a configuration error. The secondary metrics, the
 * classical reference tests and the arms' descriptions never decide, and at a million sessions
 * they are most of the work.
 */
export function recommendationWithout(
  table: SessionTable,
  config: ExperimentConfig,
  definitions: readonly MetricDefinition[],
  leaveOut: (row: number) => boolean,
  priorLooks: readonly number[],
): Recommendation {
  const keep = (row: number) => !leaveOut(row);
  const rows = {
    control: rowsOfVariant(table, config.control, keep),
    treatment: rowsOfVariant(table, config.treatment, keep),
  };
  const deciding = definitions.filter((definition) => definition.role !== 'secondary');
  return compared(table, config, deciding, rows, priorLooks, false).recommendation;
}

/** The metrics compared on the arms' rows and the recommendation they lead to. */
function compared(
  table: SessionTable,
  config: ExperimentConfig,
  definitions: MetricDefinition[],
  rows: { control: Int32Array; treatment: Int32Array },
  priorLooks: readonly number[],
  descriptive: boolean,
) {
  const look = lookLevel(config, priorLooks, rows.control.length + rows.treatment.length);
  const reports = definitions.map((definition) =>
    metricReport(
      definition,
      armSamples(table, rows.control, definition.source),
      armSamples(table, rows.treatment, definition.source),
      config,
      look,
      descriptive,
    ),
  );
  const metrics = applyFamilies(reports, definitions, config);
  return { metrics, look, recommendation: decide(metrics, definitions, config) };
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
