import type { SrmReport } from './report-types.js';
/** GrowthBook's and Statsig's threshold: below it the split is almost surely broken. */
export declare const SRM_THRESHOLD = 0.001;
/** Pearson chi-square of the sessions per arm against the expected split, control first. */
export declare function sampleRatio(controlSessions: number, treatmentSessions: number, expected: [number, number]): SrmReport;
