import { type Maybe } from '../stats/index.js';
import type { MetricInference } from './contrast-inference.js';
/**
 * Counts (or rate numerators) that are 0 in every session of both arms: no event at all. The
 * difference is 0 and no test can reject, but the rates are not known to be 0: each arm's rate lies
 * below its exact Poisson upper bound, −ln(α/2)/D (3.69/D at 95%, D the arm's denominator: calls, or
 * sessions for a count), so with probability at least 1 − α the difference lies between minus the
 * control's bound and the treatment's (Bonferroni). The ratio is 0/0: no relative interval.
 */
export declare function noEventsInference(denominators: {
    treatment: number;
    control: number;
}): Maybe<MetricInference>;
