import {
  isUnavailable,
  ratioArm,
  ratioDifference,
  relativeLift,
  tQuantile,
} from '../stats/index.js';
import { emptyArm, NO_TESTS, type Comparison, type ComparisonSettings } from './comparison.js';
import type { ArmSummary } from './report-types.js';
import type { ArmSamples } from './samples.js';

type RatioSamples = Extract<ArmSamples, { type: 'ratio' }>;

/** Ratio metrics (Σ numerator / Σ denominator per arm): the delta method. */
export function compareRatio(
  control: RatioSamples,
  treatment: RatioSamples,
  { level }: ComparisonSettings,
): Comparison {
  const notes: string[] = [];
  const armC = ratioArm(control.numerators, control.denominators);
  const armT = ratioArm(treatment.numerators, treatment.denominators);
  const summary = (arm: typeof armC, n: number, label: string): ArmSummary => {
    if (isUnavailable(arm)) {
      notes.push(`${label}: ${arm.unavailable}`);
      return emptyArm(n);
    }
    const half = tQuantile(1 - (1 - level) / 2, arm.n - 1) * Math.sqrt(arm.varianceOfRatio);
    return {
      n: arm.n,
      mean: arm.ratio,
      sd: null,
      median: null,
      ci: [arm.ratio - half, arm.ratio + half],
    };
  };
  const result: Comparison = {
    control: summary(armC, control.numerators.length, 'control'),
    treatment: summary(armT, treatment.numerators.length, 'treatment'),
    difference: { estimate: null, ci: null },
    relative: { estimate: null, ci: null },
    test: null,
    pValue: null,
    tests: NO_TESTS,
    independent: null,
    notes,
  };
  if (isUnavailable(armC) || isUnavailable(armT)) return result;

  result.difference.estimate = armT.ratio - armC.ratio;
  const difference = ratioDifference(armT, armC, level);
  if (isUnavailable(difference)) {
    notes.push(`delta method: ${difference.unavailable}`);
    return result;
  }
  result.difference = { estimate: difference.estimate, ci: difference.ci };
  result.test = 'deltaMethod';
  result.pValue = difference.pValue;
  result.tests = {
    ...NO_TESTS,
    deltaMethod: {
      statistic: difference.statistic,
      df: difference.df,
      pValue: difference.pValue,
      ci: difference.ci,
    },
  };
  const lift = relativeLift(
    {
      meanT: armT.ratio,
      varMeanT: armT.varianceOfRatio,
      meanC: armC.ratio,
      varMeanC: armC.varianceOfRatio,
    },
    tQuantile(1 - (1 - level) / 2, difference.df),
  );
  if (isUnavailable(lift)) notes.push(`relative change: ${lift.unavailable}`);
  else result.relative = lift;
  result.independent = {
    test: 'deltaMethod',
    estimate: difference.estimate,
    se: difference.se,
    df: difference.df,
    sessions: armC.n + armT.n,
    controlMean: armC.ratio,
  };
  return result;
}
