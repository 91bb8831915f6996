import type { ExperimentConfig } from '../config/experiment-config.js';
import { isUnavailable, minimumDetectableEffect, sessionsPerArm } from '../stats/index.js';
import { compareBinary } from './compare-binary.js';
import { compareContinuous } from './compare-continuous.js';
import { compareRatio } from './compare-ratio.js';
import type { Comparison } from './comparison.js';
import type { MetricDefinition } from './metric-definitions.js';
import type { MetricReport } from './report-types.js';
import type { ArmSamples } from './samples.js';

/** One metric compared across the arms, before the family correction sets `adjustedPValue`. */
export function metricReport(
  definition: MetricDefinition,
  control: ArmSamples,
  treatment: ArmSamples,
  config: ExperimentConfig,
): MetricReport {
  const level = 1 - config.alpha;
  const comparison = compare(definition, control, treatment, level);
  return {
    name: definition.name,
    kind: definition.kind,
    better: definition.better,
    role: definition.role,
    control: comparison.control,
    treatment: comparison.treatment,
    difference: { ...comparison.difference, level },
    relative: comparison.relative,
    test: comparison.test,
    pValue: comparison.pValue,
    adjustedPValue: comparison.pValue,
    significant: false,
    direction: 'none',
    tests: comparison.tests,
    power: power(comparison, config),
    notes: comparison.notes,
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

/** Sessions needed for the minimum effect, and the effect the current sessions can detect. */
function power(comparison: Comparison, config: ExperimentConfig): MetricReport['power'] {
  const spread = comparison.spread;
  if (!spread) return { sessionsNeeded: null, minimumDetectableEffect: null };
  const variances = {
    varianceControl: spread.varianceControl,
    varianceTreatment: spread.varianceTreatment,
    alpha: config.alpha,
    power: config.power,
  };
  const needed = sessionsPerArm({
    ...variances,
    delta: config.minEffect * Math.abs(spread.controlMean),
  });
  const mde = minimumDetectableEffect({
    ...variances,
    nPerArmControl: comparison.control.n,
    nPerArmTreatment: comparison.treatment.n,
  });
  return {
    sessionsNeeded: isUnavailable(needed) ? null : needed,
    minimumDetectableEffect: isUnavailable(mde)
      ? null
      : {
          absolute: mde,
          relative: spread.controlMean === 0 ? null : mde / Math.abs(spread.controlMean),
        },
  };
}
