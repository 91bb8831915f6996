import {
  isUnavailable,
  mannWhitneyTest,
  relativeLift,
  summarize,
  tQuantile,
  welchTest,
} from '../stats/index.js';
import { emptyArm, NO_TESTS, type Comparison, type ComparisonSettings } from './comparison.js';
import type { ArmSummary } from './report-types.js';

/** Continuous and count metrics: Welch's t-test on the means, Mann–Whitney beside it. */
export function compareContinuous(
  control: Float64Array,
  treatment: Float64Array,
  { level }: ComparisonSettings,
): Comparison {
  const notes: string[] = [];
  const controlSummary = summarize(control, level);
  const treatmentSummary = summarize(treatment, level);
  const arm = (summary: typeof controlSummary, n: number): ArmSummary =>
    isUnavailable(summary) ? emptyArm(n) : summary;

  const welch = welchTest(treatment, control, level);
  const mannWhitney = mannWhitneyTest(treatment, control);
  if (isUnavailable(welch)) notes.push(`Welch's t-test: ${welch.unavailable}`);
  if (isUnavailable(mannWhitney)) notes.push(`Mann–Whitney U: ${mannWhitney.unavailable}`);

  const result: Comparison = {
    control: arm(controlSummary, control.length),
    treatment: arm(treatmentSummary, treatment.length),
    difference: { estimate: null, ci: null },
    relative: { estimate: null, ci: null },
    test: null,
    pValue: null,
    tests: {
      ...NO_TESTS,
      welch: isUnavailable(welch)
        ? null
        : { statistic: welch.statistic, df: welch.df, pValue: welch.pValue, ci: welch.ci },
      mannWhitney: isUnavailable(mannWhitney) ? null : mannWhitney,
    },
    independent: null,
    notes,
  };
  if (isUnavailable(controlSummary) || isUnavailable(treatmentSummary)) return result;

  result.difference.estimate = treatmentSummary.mean - controlSummary.mean;
  if (isUnavailable(welch)) return result;

  result.difference = { estimate: welch.estimate, ci: welch.ci };
  result.test = 'welch';
  result.pValue = welch.pValue;
  // Welch's test is defined, so both arms have two values or more and a standard deviation.
  const varianceT = (treatmentSummary.sd ?? 0) ** 2;
  const varianceC = (controlSummary.sd ?? 0) ** 2;
  const lift = relativeLift(
    {
      meanT: treatmentSummary.mean,
      varMeanT: varianceT / treatmentSummary.n,
      meanC: controlSummary.mean,
      varMeanC: varianceC / controlSummary.n,
    },
    tQuantile(1 - (1 - level) / 2, welch.df),
  );
  if (isUnavailable(lift)) notes.push(`relative change: ${lift.unavailable}`);
  else result.relative = lift;
  const meanC = controlSummary.mean;
  result.independent = {
    test: 'welch',
    estimate: welch.estimate,
    se: welch.se,
    df: welch.df,
    sessions: control.length + treatment.length,
    controlMean: meanC,
  };
  return result;
}
