import {
  clusteredDifference,
  clusteredMean,
  isUnavailable,
  mean,
  pairedDifference,
  ratioArm,
  unavailable,
  type Maybe,
} from '../stats/index.js';
import type { Design } from './design.js';
import type { TestName } from './report-types.js';
import type { ArmSamples } from './samples.js';

/** A difference (treatment − control) with its standard error, before any interval is drawn. */
export interface Estimate {
  test: TestName;
  estimate: number;
  se: number;
  /** Degrees of freedom of a t reference distribution; null for a normal one. */
  df: number | null;
  /** Sessions behind the estimate: the sample size of the sequential boundary and of planning. */
  sessions: number;
  /** The control's value on the estimate's own scale (per-task mean when paired), for relative change. */
  controlMean: number;
  paired?: { tasks: number; correlation: number | null; varianceSaved: number };
  clustered?: { designEffect: number; clusters: number };
}

/** Miller's eq. 7: the mean of per-task differences, with a paired t-test over the shared tasks. */
export function pairedEstimate(design: Design, level: number): Maybe<Estimate> {
  const t = Float64Array.from(design.shared, (s) => s.treatment);
  const c = Float64Array.from(design.shared, (s) => s.control);
  const paired = pairedDifference(t, c, level);
  if (isUnavailable(paired)) return paired;
  const k = design.shared.length;
  let sessions = 0;
  for (const { task } of design.shared) {
    sessions += design.control.get(task)!.sessions + design.treatment.get(task)!.sessions;
  }
  return {
    test: 'pairedT',
    estimate: paired.estimate,
    se: paired.se,
    df: paired.df,
    sessions,
    controlMean: mean(c),
    paired: { tasks: k, correlation: paired.correlation, varianceSaved: paired.varianceSaved },
  };
}

/** Miller's eq. 4: session-level means with standard errors clustered by task. */
export function clusteredEstimate(
  control: ArmSamples,
  treatment: ArmSamples,
  level: number,
): Maybe<Estimate> {
  const armC = clusteredArm(control);
  const armT = clusteredArm(treatment);
  if (isUnavailable(armC)) return unavailable(`control: ${armC.unavailable}`);
  if (isUnavailable(armT)) return unavailable(`treatment: ${armT.unavailable}`);
  const difference = clusteredDifference(armT, armC, level);
  if (isUnavailable(difference)) return difference;
  return {
    test: 'clusteredZ',
    estimate: difference.estimate,
    se: difference.se,
    df: null,
    sessions: armC.n + armT.n,
    controlMean: armC.mean,
    clustered: {
      designEffect: (armC.designEffect + armT.designEffect) / 2,
      clusters: armC.clusters + armT.clusters,
    },
  };
}

/**
 * A ratio metric is clustered through its linearisation (m − r·d)/mean(d): the clustered
 * standard error of that mean is the cluster-robust delta-method standard error of the ratio.
 */
function clusteredArm(samples: ArmSamples): ReturnType<typeof clusteredMean> {
  if (samples.type === 'column') return clusteredMean(samples.values, samples.tasks);
  const arm = ratioArm(samples.numerators, samples.denominators);
  if (isUnavailable(arm)) return arm;
  const n = samples.numerators.length;
  const meanDenominator = mean(samples.denominators);
  const linearised = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    linearised[i] =
      (samples.numerators[i]! - arm.ratio * samples.denominators[i]!) / meanDenominator;
  }
  const clustered = clusteredMean(linearised, samples.tasks);
  return isUnavailable(clustered) ? clustered : { ...clustered, mean: arm.ratio };
}
