import type { ExperimentConfig } from '../config/experiment-config.js';
import { ConfigError } from '../config/parse-inputs.js';
import type { SessionTable } from '../records/types.js';
import { decide } from './decide.js';
import { variantCounts } from './arms-present.js';
import { applyFamilies } from './family.js';
import { lookLevel } from './look-level.js';
import { resolveMetrics } from './metric-definitions.js';
import { metricReport } from './metric-report.js';
import type { InputSummary, Report } from './report-types.js';
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
 * per-task drill-down, whose verdict check runs this analysis again without some tasks. That
 * re-analysis only needs the verdict: `verdictOnly` leaves out what never decides (the secondary
 * metrics, the classical reference tests and the arms' descriptions), which at a million
 * sessions is most of the work.
 */
export function analyze(
  table: SessionTable,
  config: ExperimentConfig,
  input: InputFacts,
  options: { priorLooks?: readonly number[]; tasks?: boolean; verdictOnly?: boolean } = {},
): Report {
  const experiment = config.experiment ?? singleExperiment(table);
  const controlRows = rowsOfVariant(table, config.control);
  const treatmentRows = rowsOfVariant(table, config.treatment);

  const definitions = resolveMetrics(config, {
    names: table.columnNames(),
    column: (name) => table.column(name),
  }).filter((definition) => !options.verdictOnly || definition.role !== 'secondary');
  const look = lookLevel(
    config,
    options.priorLooks ?? [],
    controlRows.length + treatmentRows.length,
  );
  const reports = definitions.map((definition) =>
    metricReport(
      definition,
      armSamples(table, controlRows, definition.source),
      armSamples(table, treatmentRows, definition.source),
      config,
      look,
      !options.verdictOnly,
    ),
  );
  const metrics = applyFamilies(reports, definitions, config);
  const srm = sampleRatio(controlRows.length, treatmentRows.length, config.expectedSplit);
  const summary: InputSummary = {
    ...input,
    duplicates: table.duplicates,
    otherVariants: otherVariants(table, config),
  };

  const recommendation = decide(metrics, definitions, config);
  const reanalyze = (without: SessionTable) =>
    analyze(without, { ...config, segments: [] }, input, {
      priorLooks: options.priorLooks,
      tasks: false,
      verdictOnly: true,
    }).recommendation;
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
