import type { MetricKind } from '../config/experiment-config.js';
import type { ArmSummary } from './report-types.js';
import type { ArmSamples } from './samples.js';
/**
 * One arm described on its own: n, mean, sd, median and an interval of the mean (a t interval; a
 * Wilson interval for proportions and for rates with no events or only events; for counts that are
 * all 0, the exact Poisson upper bound). Descriptive: the comparison's own test and intervals are
 * in the metric's difference, relative and pValue.
 */
export declare function armSummary(kind: MetricKind, samples: ArmSamples, level: number): ArmSummary;
export declare function emptyArm(n: number): ArmSummary;
