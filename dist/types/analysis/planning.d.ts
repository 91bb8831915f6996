import type { Method } from '../config/experiment-config.js';
import type { MetricReport } from './report-types.js';
export interface PlanningSettings {
    method: Method;
    alpha: number;
    power: number;
    /** Relative change to detect, as a fraction of the control's value. */
    minEffect: number;
    /** The planned size: the sequential final look, the always-valid tuning. */
    expectedSessions: number;
}
/** What a plan rests on: the standard error of the difference observed with `sessions` sessions. */
export interface PlanBasis {
    se: number;
    sessions: number;
    /** The control's value on the analysis scale (its log on the log scale). */
    controlValue: number;
    scale?: 'linear' | 'log';
}
/**
 * Sessions per arm to detect the minimum effect at the configured power, and the effect the
 * current sessions can detect, from the standard error actually observed (so paired and clustered
 * designs plan with their own variance). The standard error scales as 1/√sessions. Sequential
 * analysis plans with its final boundary (ten equally spaced looks), always-valid with its
 * boundary at the size planned for. On the log scale the change is a ratio: 1 + minEffect.
 */
export declare function plan(basis: PlanBasis, settings: PlanningSettings): MetricReport['power'];
