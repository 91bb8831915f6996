import type { ArmSamples } from './samples.js';
/** One arm's per-task value (mean, or Σ numerator / Σ denominator for a ratio) and session count. */
export type TaskMeans = Map<number, {
    value: number;
    sessions: number;
}>;
export declare function taskMeans(samples: ArmSamples): TaskMeans;
