import {
  fisherExact,
  isUnavailable,
  newcombeDifference,
  normalQuantile,
  relativeLift,
  wilsonInterval,
} from '../stats/index.js';
import { emptyArm, NO_TESTS, type Comparison, type ComparisonSettings } from './comparison.js';
import type { ArmSummary } from './report-types.js';

/** Binary metrics: Wilson intervals per arm, Newcombe for the difference, Fisher's exact test. */
export function compareBinary(
  control: Float64Array,
  treatment: Float64Array,
  { level }: ComparisonSettings,
): Comparison {
  const notes: string[] = [];
  const c = countSuccesses(control);
  const t = countSuccesses(treatment);
  const arm = (successes: number, n: number, label: string): ArmSummary => {
    if (n === 0) return emptyArm(0);
    const ci = wilsonInterval(successes, n, level);
    if (isUnavailable(ci)) notes.push(`${label} interval: ${ci.unavailable}`);
    return { n, mean: successes / n, sd: null, median: null, ci: isUnavailable(ci) ? null : ci };
  };
  const result: Comparison = {
    control: arm(c, control.length, 'control'),
    treatment: arm(t, treatment.length, 'treatment'),
    difference: { estimate: null, ci: null },
    relative: { estimate: null, ci: null },
    test: null,
    pValue: null,
    tests: NO_TESTS,
    independent: null,
    notes,
  };
  if (control.length === 0 || treatment.length === 0) {
    notes.push('both arms need at least one session with this metric');
    return result;
  }

  const pC = c / control.length;
  const pT = t / treatment.length;
  const difference = newcombeDifference(t, treatment.length, c, control.length, level);
  result.difference = isUnavailable(difference)
    ? { estimate: pT - pC, ci: null }
    : { estimate: difference.estimate, ci: difference.ci };
  if (isUnavailable(difference)) notes.push(`difference interval: ${difference.unavailable}`);

  const fisher = fisherExact(t, treatment.length, c, control.length);
  if (isUnavailable(fisher)) notes.push(`Fisher's exact test: ${fisher.unavailable}`);
  else {
    result.tests = { ...NO_TESTS, fisher };
    result.test = 'fisher';
    result.pValue = fisher.pValue;
  }

  const lift = relativeLift(
    {
      meanT: pT,
      varMeanT: (pT * (1 - pT)) / treatment.length,
      meanC: pC,
      varMeanC: (pC * (1 - pC)) / control.length,
    },
    normalQuantile(1 - (1 - level) / 2),
  );
  if (isUnavailable(lift)) notes.push(`relative change: ${lift.unavailable}`);
  else result.relative = lift;
  const varMeanT = (pT * (1 - pT)) / treatment.length;
  const varMeanC = (pC * (1 - pC)) / control.length;
  const se = Math.sqrt(varMeanT + varMeanC);
  result.independent =
    se > 0
      ? {
          test: 'z',
          estimate: pT - pC,
          se,
          df: null,
          sessions: control.length + treatment.length,
          controlMean: pC,
        }
      : null;
  return result;
}

function countSuccesses(values: Float64Array): number {
  let successes = 0;
  for (const v of values) successes += v;
  return successes;
}
