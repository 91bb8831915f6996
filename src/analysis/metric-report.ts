import type { ExperimentConfig } from '../config/experiment-config.js';
import {
  capAtPercentile,
  chanceToBeat,
  clusteredContrast,
  independentContrast,
  isUnavailable,
  type Maybe,
} from '../stats/index.js';
import { armSummary, emptyArm } from './arm-summary.js';
import { binaryInference } from './binary-inference.js';
import { classicalTests, noClassicalTests } from './classical-tests.js';
import { contrastInference, type MetricInference } from './contrast-inference.js';
import { chooseDesign, type Design } from './design.js';
import { permutationDraws, type LookLevel } from './look-level.js';
import type { MetricDefinition } from './metric-definitions.js';
import { metricUnits, type MetricUnits } from './metric-units.js';
import { noEventsInference } from './no-events.js';
import { plan } from './planning.js';
import { taskCorrelation } from './task-correlation.js';
import type { DesignReport, MetricReport } from './report-types.js';
import type { ArmSamples } from './samples.js';

const NO_CORRELATION = { correlation: null, varianceSaved: null };
/**
 * One metric compared across the arms at this look, before the families of metrics set
 * `adjustedPValue`, `significant`, `direction` and the guardrail status.
 * `descriptive: false` leaves out what never decides: the classical reference tests (`tests`),
 * each arm's description beyond its n (`control`, `treatment`) and the task correlation; a
 * re-analysis that only needs the verdict skips their passes over every session.
 */
export function metricReport(
  definition: MetricDefinition,
  controlSamples: ArmSamples,
  treatmentSamples: ArmSamples,
  config: ExperimentConfig,
  look: LookLevel,
  descriptive = true,
): MetricReport {
  const notes: string[] = [];
  const { control, treatment, capped } = capIfAsked(
    definition,
    controlSamples,
    treatmentSamples,
    config,
  );
  const level = 1 - config.alpha;
  const design = chooseDesign(control, treatment);
  const log = logScale(definition, control, treatment, notes);
  const sessions = control.tasks.length + treatment.tasks.length;
  const nominalAlpha = look.nominalAlpha(sessions);
  const inference = infer(definition, design, control, treatment, log, nominalAlpha, notes);
  const describe = (samples: ArmSamples) =>
    descriptive ? armSummary(definition.kind, samples, level) : emptyArm(samples.tasks.length);

  const base: MetricReport = {
    name: definition.name,
    kind: definition.kind,
    better: definition.better,
    role: definition.role,
    control: describe(control),
    treatment: describe(treatment),
    difference: {
      estimate: null,
      ci: null,
      level: 1 - nominalAlpha,
      control: null,
      treatment: null,
    },
    relative: { estimate: null, ci: null },
    scale: log ? 'log' : 'linear',
    method: config.method,
    design: designReport(design, null),
    test: null,
    pValue: null,
    adjustedPValue: null,
    significant: false,
    direction: 'none',
    tests: descriptive
      ? classicalTests(definition.kind, control, treatment, level)
      : noClassicalTests(),
    inference: {
      reference: 'normal',
      permutations: null,
      exact: false,
      smallestPValue: null,
      nominalAlpha,
      nominalPValue: null,
    },
    guardrail: null,
    power: { sessionsNeeded: null, minimumDetectableEffect: null, basis: null },
    chanceToBeat: null,
    capped,
    notes,
  };
  if (isUnavailable(inference)) {
    notes.push(`${definition.name} cannot be compared: ${inference.unavailable}`);
    return base;
  }

  const nonNegative = allNonNegative(control) && allNonNegative(treatment);
  const shown = log
    ? logView(inference, nominalAlpha)
    : linearView(inference, nominalAlpha, nonNegative);
  if (shown.difference.ci === null) {
    notes.push(
      `no interval: at level ${formatLevel(nominalAlpha)} it would need a p-value these data cannot give (the smallest possible is ${formatLevel(inference.smallestP ?? 0)})`,
    );
  }
  return {
    ...base,
    difference: { ...shown.difference, level: 1 - nominalAlpha },
    relative: shown.relative,
    design: {
      ...designReport(
        design,
        definition.kind === 'binary'
          ? null
          : clusteringInflation(design, control, treatment, log, definition.kind),
      ),
      ...(descriptive ? taskCorrelation(design, control, treatment) : NO_CORRELATION),
    },
    test: inference.test,
    pValue: look.pValue(inference.pValue, sessions),
    inference: {
      reference: inference.reference,
      permutations: inference.permutations,
      exact: inference.exact,
      smallestPValue: inference.smallestP,
      nominalAlpha,
      nominalPValue: inference.pValue,
    },
    power:
      inference.se !== null && inference.se > 0
        ? plan(
            {
              se: inference.se,
              sessions,
              controlValue: inference.control,
              scale: log ? 'log' : 'linear',
            },
            config,
          )
        : base.power,
    chanceToBeat:
      config.chanceToBeat && definition.role === 'primary' && inference.se !== null
        ? chanceOf(inference, definition.better)
        : null,
  };
}

function infer(
  definition: MetricDefinition,
  design: Design,
  control: ArmSamples,
  treatment: ArmSamples,
  log: boolean,
  nominalAlpha: number,
  notes: string[],
): Maybe<MetricInference> {
  if (definition.kind === 'binary' && control.type === 'column' && treatment.type === 'column') {
    const counts = {
      x1: sum(treatment.values),
      n1: treatment.values.length,
      x0: sum(control.values),
      n0: control.values.length,
    };
    if (design.kind === 'independent') return binaryInference(counts);
    const constant =
      (counts.x1 === 0 || counts.x1 === counts.n1) && (counts.x0 === 0 || counts.x0 === counts.n0);
    if (constant) {
      // Every session of each arm had the same outcome: within tasks there is nothing to compare,
      // and the arms' counts are all the evidence there is.
      notes.push(
        `every session of each arm has the same ${definition.name}: compared as independent sessions`,
      );
      return binaryInference(counts);
    }
  }
  const data = metricUnits(design, control, treatment, log, definition.kind);
  if (data.units.events === 'poisson' && data.units.m.every((m) => m === 0)) {
    notes.push(`no ${definition.name} events in either arm: the interval bounds each arm's rate`);
    return noEventsInference(denominators(data));
  }
  return contrastInference(design.kind, data, permutationDraws(nominalAlpha));
}

/** Differences and ratios on the metric's own scale. */
function linearView(inference: MetricInference, alpha: number, nonNegative: boolean) {
  const ci = inference.interval(alpha);
  const c = inference.control;
  const ratio = c === 0 ? null : inference.ratioInterval(alpha, nonNegative);
  const sign = c < 0 ? -1 : 1;
  return {
    difference: {
      estimate: inference.estimate,
      ci,
      control: inference.control,
      treatment: inference.treatment,
    },
    relative: {
      estimate: c === 0 ? null : inference.estimate / Math.abs(c),
      ci:
        ratio === null
          ? null
          : ((sign > 0 ? [ratio[0] - 1, ratio[1] - 1] : [1 - ratio[1], 1 - ratio[0]]) as [
              number,
              number,
            ]),
    },
  };
}

/**
 * On the log scale the test compares mean logs: the ratio of geometric means exp(Δ) and its
 * interval exp(ci). The difference shown is that ratio at the control's geometric mean.
 */
function logView(inference: MetricInference, alpha: number) {
  const ci = inference.interval(alpha);
  const geometricC = Math.exp(inference.control);
  const geometricT = Math.exp(inference.treatment);
  return {
    difference: {
      estimate: geometricT - geometricC,
      ci:
        ci === null
          ? null
          : ([geometricC * Math.expm1(ci[0]), geometricC * Math.expm1(ci[1])] as [number, number]),
      control: geometricC,
      treatment: geometricT,
    },
    relative: {
      estimate: Math.expm1(inference.estimate),
      ci: ci === null ? null : ([Math.expm1(ci[0]), Math.expm1(ci[1])] as [number, number]),
    },
  };
}

/** The log scale when asked for and every value is above 0; otherwise linear, with a note. */
function logScale(
  definition: MetricDefinition,
  control: ArmSamples,
  treatment: ArmSamples,
  notes: string[],
): boolean {
  if (definition.scale !== 'log' || control.type !== 'column' || treatment.type !== 'column') {
    return false;
  }
  const positive = (values: Float64Array) => values.length > 0 && allAtLeast(values, 0, true);
  if (positive(control.values) && positive(treatment.values)) return true;
  notes.push(
    `${definition.name} has values of 0 or below, which have no logarithm: compared on the linear scale`,
  );
  return false;
}

/** Clustered: how much the task clusters inflate the variance over independent sessions (Kish). */
function clusteringInflation(
  design: Design,
  control: ArmSamples,
  treatment: ArmSamples,
  log: boolean,
  kind: MetricDefinition['kind'],
): number | null {
  if (design.kind !== 'clustered') return null;
  const clusters = metricUnits(design, control, treatment, log, kind);
  const sessions = metricUnits({ ...design, kind: 'independent' }, control, treatment, log, kind);
  const clustered = clusteredContrast(clusters.units, clusters.assignment);
  const independent = independentContrast(sessions.units, sessions.assignment);
  if (clustered === null || independent === null) return null;
  const naive = independent.varT + independent.varC;
  return naive > 0 ? (clustered.varT + clustered.varC) / naive : null;
}

function designReport(design: Design, designEffect: number | null): DesignReport {
  return {
    kind: design.kind,
    explanation: design.explanation,
    tasks:
      design.kind === 'paired'
        ? design.shared.length
        : design.kind === 'clustered'
          ? design.tasks.control + design.tasks.treatment
          : null,
    correlation: null,
    varianceSaved: null,
    designEffect,
  };
}

function chanceOf(inference: MetricInference, better: MetricDefinition['better']): number | null {
  const result = chanceToBeat({ estimate: inference.estimate, se: inference.se!, better });
  return isUnavailable(result) ? null : result;
}

function denominators({ units, assignment }: MetricUnits): { treatment: number; control: number } {
  let treatment = 0;
  let control = 0;
  for (let i = 0; i < assignment.length; i++) {
    if (assignment[i] === 1) treatment += units.d[i]!;
    else control += units.d[i]!;
  }
  return { treatment, control };
}

function allNonNegative(samples: ArmSamples): boolean {
  if (samples.type === 'ratio') {
    return allAtLeast(samples.numerators, 0) && allAtLeast(samples.denominators, 0);
  }
  return allAtLeast(samples.values, 0);
}

/** Whether every value is ≥ `floor` (or > it, when `strictly`): a loop, as `every` calls per value. */
function allAtLeast(values: Float64Array, floor: number, strictly = false): boolean {
  for (let i = 0; i < values.length; i++) {
    if (strictly ? !(values[i]! > floor) : !(values[i]! >= floor)) return false;
  }
  return true;
}

function sum(values: Float64Array): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function formatLevel(p: number): string {
  return p < 1e-4 ? p.toExponential(1) : String(Number(p.toPrecision(2)));
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
