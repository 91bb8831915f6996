import type { MetricKind } from '../config/experiment-config.js';
import {
  isUnavailable,
  ratioArm,
  summarize,
  tQuantile,
  wilsonInterval,
  type Interval,
} from '../stats/index.js';
import type { ArmSummary } from './report-types.js';
import type { ArmSamples } from './samples.js';

/**
 * One arm described on its own: n, mean, sd, median and an interval of the mean (a t interval; a
 * Wilson interval for proportions and for rates with no events or only events; for counts that are
 * all 0, the exact Poisson upper bound). Descriptive: the comparison's own test and intervals are
 * in the metric's difference, relative and pValue.
 */
export function armSummary(kind: MetricKind, samples: ArmSamples, level: number): ArmSummary {
  if (samples.type === 'ratio') return ratioSummary(samples, level);
  const values = samples.values;
  const n = values.length;
  if (n === 0) return emptyArm(0);
  if (kind === 'binary') {
    let successes = 0;
    for (const v of values) successes += v;
    const ci = wilsonInterval(successes, n, level);
    return { n, mean: successes / n, sd: null, median: null, ci: isUnavailable(ci) ? null : ci };
  }
  const summary = summarize(values, level);
  if (isUnavailable(summary)) return emptyArm(n);
  if (kind === 'count' && summary.mean === 0) {
    // No event at all is not a rate of exactly 0: P(no event) = exp(−n·λ) = (1 − level)/2.
    return { ...summary, ci: [0, -Math.log((1 - level) / 2) / n] };
  }
  return summary;
}

function ratioSummary(samples: Extract<ArmSamples, { type: 'ratio' }>, level: number): ArmSummary {
  const n = samples.numerators.length;
  if (n === 0) return emptyArm(0);
  const arm = ratioArm(samples.numerators, samples.denominators);
  if (isUnavailable(arm)) return emptyArm(n);
  let top = 0;
  let bottom = 0;
  let proportions = true;
  for (let i = 0; i < n; i++) {
    top += samples.numerators[i]!;
    bottom += samples.denominators[i]!;
    const m = samples.numerators[i]!;
    if (!(m >= 0 && m <= samples.denominators[i]! && Number.isInteger(m))) proportions = false;
  }
  let ci: Interval;
  if (proportions && Number.isInteger(bottom) && (top === 0 || top === bottom)) {
    const wilson = wilsonInterval(top, bottom, level);
    ci = isUnavailable(wilson) ? [arm.ratio, arm.ratio] : wilson;
  } else {
    const half = tQuantile(1 - (1 - level) / 2, arm.n - 1) * Math.sqrt(arm.varianceOfRatio);
    ci = [arm.ratio - half, arm.ratio + half];
  }
  return { n: arm.n, mean: arm.ratio, sd: null, median: null, ci };
}

export function emptyArm(n: number): ArmSummary {
  return { n, mean: null, sd: null, median: null, ci: null };
}
