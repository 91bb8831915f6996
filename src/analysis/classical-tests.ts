import type { MetricKind } from '../config/experiment-config.js';
import {
  fisherExact,
  isUnavailable,
  mannWhitneyTest,
  newcombeDifference,
  ratioArm,
  ratioDifference,
  welchTest,
} from '../stats/index.js';
import type { MetricReport } from './report-types.js';
import type { ArmSamples } from './samples.js';

/** The classical tests' entry when none is run: every one null. */
export function noClassicalTests(): MetricReport['tests'] {
  return { welch: null, mannWhitney: null, fisher: null, newcombe: null, deltaMethod: null };
}

/**
 * The classical fixed-horizon tests of independent samples, beside the comparison the verdict
 * uses: Welch and Mann–Whitney for values, Fisher and Newcombe for proportions, the delta method
 * for ratios. Each matches R to 1e-9; each is null where it is not defined.
 */
export function classicalTests(
  kind: MetricKind,
  control: ArmSamples,
  treatment: ArmSamples,
  level: number,
): MetricReport['tests'] {
  const tests = noClassicalTests();
  if (control.type === 'ratio' && treatment.type === 'ratio') {
    const armC = ratioArm(control.numerators, control.denominators);
    const armT = ratioArm(treatment.numerators, treatment.denominators);
    if (isUnavailable(armC) || isUnavailable(armT)) return tests;
    const delta = ratioDifference(armT, armC, level);
    if (!isUnavailable(delta)) {
      const { statistic, df, pValue, ci } = delta;
      tests.deltaMethod = { statistic, df, pValue, ci };
    }
    return tests;
  }
  if (control.type !== 'column' || treatment.type !== 'column') return tests;
  if (kind === 'binary') {
    const c = successes(control.values);
    const t = successes(treatment.values);
    const nC = control.values.length;
    const nT = treatment.values.length;
    if (nC === 0 || nT === 0) return tests;
    const fisher = fisherExact(t, nT, c, nC);
    if (!isUnavailable(fisher)) tests.fisher = fisher;
    const newcombe = newcombeDifference(t, nT, c, nC, level);
    if (!isUnavailable(newcombe)) tests.newcombe = { ci: newcombe.ci };
    return tests;
  }
  const welch = welchTest(treatment.values, control.values, level);
  if (!isUnavailable(welch)) {
    const { statistic, df, pValue, ci } = welch;
    tests.welch = { statistic, df, pValue, ci };
  }
  const mannWhitney = mannWhitneyTest(treatment.values, control.values);
  if (!isUnavailable(mannWhitney)) tests.mannWhitney = mannWhitney;
  return tests;
}

function successes(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum;
}
