import type { ExperimentConfig } from '../config/experiment-config.js';
import { capAtPercentile, chanceToBeat, isUnavailable } from '../stats/index.js';
import { compareBinary } from './compare-binary.js';
import { compareContinuous } from './compare-continuous.js';
import { compareRatio } from './compare-ratio.js';
import type { Comparison } from './comparison.js';
import { chooseDesign, type Design } from './design.js';
import { clusteredEstimate, pairedEstimate, type Estimate } from './estimators.js';
import { infer } from './inference.js';
import type { MetricDefinition } from './metric-definitions.js';
import { plan } from './planning.js';
import type { DesignReport, MetricReport } from './report-types.js';
import type { ArmSamples } from './samples.js';

/** One metric compared across the arms, before the family correction sets `adjustedPValue`. */
export function metricReport(
  definition: MetricDefinition,
  controlSamples: ArmSamples,
  treatmentSamples: ArmSamples,
  config: ExperimentConfig,
): MetricReport {
  const level = 1 - config.alpha;
  const notes: string[] = [];
  const { control, treatment, capped } = capIfAsked(
    definition,
    controlSamples,
    treatmentSamples,
    config,
  );
  const classical = compare(definition, control, treatment, level);
  notes.push(...classical.notes);

  const design = chooseDesign(control, treatment);
  const { estimate, used } = chooseEstimate(design, classical, control, treatment, level, notes);
  // Fixed-horizon independent sessions keep the classical tests as they are (they match R exactly).
  const classicalResult = used.kind === 'independent' && config.method === 'fixed-horizon';
  const inference = estimate && !classicalResult ? infer(estimate, config) : null;
  if (inference && isUnavailable(inference))
    notes.push(`${config.method}: ${inference.unavailable}`);
  const inferred = inference && !isUnavailable(inference) ? inference : null;

  const difference = inferred
    ? { estimate: estimate!.estimate, ci: inferred.ci, level }
    : { ...classical.difference, level };
  const relative = inferred
    ? (inferred.relative ?? { estimate: null, ci: null })
    : classical.relative;
  const test = inferred ? estimate!.test : classical.test;
  const pValue = inferred ? inferred.pValue : classical.pValue;
  const chance =
    config.chanceToBeat && definition.role === 'primary' && estimate
      ? chanceToBeat({ estimate: estimate.estimate, se: estimate.se, better: definition.better })
      : null;

  return {
    name: definition.name,
    kind: definition.kind,
    better: definition.better,
    role: definition.role,
    control: classical.control,
    treatment: classical.treatment,
    difference,
    relative,
    method: config.method,
    design: designReport(used, estimate),
    test: pValue === null ? null : test,
    pValue,
    adjustedPValue: pValue,
    significant: false,
    direction: 'none',
    tests: classical.tests,
    power: estimate
      ? plan(estimate, config)
      : { sessionsNeeded: null, minimumDetectableEffect: null, basis: null },
    chanceToBeat: chance === null || isUnavailable(chance) ? null : chance,
    capped,
    notes,
  };
}

function compare(
  definition: MetricDefinition,
  control: ArmSamples,
  treatment: ArmSamples,
  level: number,
): Comparison {
  if (control.type === 'ratio' && treatment.type === 'ratio') {
    return compareRatio(control, treatment, { level });
  }
  if (control.type === 'column' && treatment.type === 'column') {
    return definition.kind === 'binary'
      ? compareBinary(control.values, treatment.values, { level })
      : compareContinuous(control.values, treatment.values, { level });
  }
  throw new Error(`metric ${definition.name}: arms sampled differently`);
}

/**
 * The design's estimate, falling back to independent sessions (with a note) when the paired or
 * clustered estimate is undefined, e.g. when every task gives the same difference.
 */
function chooseEstimate(
  design: Design,
  classical: Comparison,
  control: ArmSamples,
  treatment: ArmSamples,
  level: number,
  notes: string[],
): { estimate: Estimate | null; used: Design } {
  if (design.kind === 'independent') return { estimate: classical.independent, used: design };
  const estimate =
    design.kind === 'paired'
      ? pairedEstimate(design, level)
      : clusteredEstimate(control, treatment, level);
  if (!isUnavailable(estimate)) return { estimate, used: design };
  notes.push(
    `${design.kind} comparison: ${estimate.unavailable}; the sessions were compared as independent samples instead`,
  );
  return {
    estimate: classical.independent,
    used: {
      ...design,
      kind: 'independent',
      explanation: `Independent sessions: the ${design.kind} comparison is undefined here (${estimate.unavailable}).`,
    },
  };
}

function designReport(design: Design, estimate: Estimate | null): DesignReport {
  return {
    kind: design.kind,
    explanation: design.explanation,
    tasks:
      design.kind === 'paired'
        ? design.shared.length
        : design.kind === 'clustered'
          ? design.control.size + design.treatment.size
          : null,
    correlation: estimate?.paired?.correlation ?? null,
    varianceSaved: estimate?.paired?.varianceSaved ?? null,
    designEffect: estimate?.clustered?.designEffect ?? null,
  };
}

/** Winsorises continuous metrics at a percentile of both arms pooled (never per arm). */
function capIfAsked(
  definition: MetricDefinition,
  control: ArmSamples,
  treatment: ArmSamples,
  config: ExperimentConfig,
): { control: ArmSamples; treatment: ArmSamples; capped: MetricReport['capped'] } {
  const percentile = config.capPercentile;
  if (
    percentile === null ||
    definition.kind !== 'continuous' ||
    control.type !== 'column' ||
    treatment.type !== 'column'
  ) {
    return { control, treatment, capped: null };
  }
  const capped = capAtPercentile(control.values, treatment.values, percentile);
  if (isUnavailable(capped)) return { control, treatment, capped: null };
  return {
    control: { ...control, values: capped.control },
    treatment: { ...treatment, values: capped.treatment },
    capped: { percentile, cap: capped.cap, count: capped.cappedCount },
  };
}
