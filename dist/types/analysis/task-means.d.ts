import type { ArmSamples } from './samples.js';
/** One arm's per-task values (mean, or Σ numerator / Σ denominator for a ratio), by task code. */
export interface TaskMeans {
    /** Undefined for a task the arm did not run, or whose denominators sum to 0. */
    value(task: number): number | undefined;
}
export declare function taskMeans(samples: ArmSamples): TaskMeans;
