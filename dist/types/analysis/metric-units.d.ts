import type { MetricKind } from '../config/experiment-config.js';
import { type Assignment, type Units } from '../stats/index.js';
import type { Design } from './design.js';
import type { ArmSamples } from './samples.js';
/** A metric's sessions as the units its design compares, with the arm of each unit. */
export interface MetricUnits {
    units: Units;
    assignment: Assignment;
    /**
     * The units' values were divided by this (a power of two, 1 unless they were near the limits of
     * double precision): arm values and standard errors computed from them are multiplied back.
     */
    unitScale: number;
}
/**
 * One unit per session (independent; paired, with the shared task as stratum), or per task and arm
 * (clustered: the task's sessions summed). On the log scale the values are their logarithms.
 * Built straight into typed arrays: this runs for every metric, and a million sessions must not
 * become a million objects.
 */
export declare function metricUnits(design: Design, control: ArmSamples, treatment: ArmSamples, log: boolean, kind: MetricKind): MetricUnits;
