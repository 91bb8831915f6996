import type { ArmSamples } from './samples.js';
/**
 * One past the largest task code the arms hold: per-task tallies are typed arrays indexed by the
 * (dense) code, which at a million sessions is far cheaper than maps keyed by it.
 */
export declare function taskCodeLimit(arms: readonly ArmSamples[]): number;
/** An arm's sessions per task code; sessions without a task (−1) count as tasks of their own. */
export interface TaskCounts {
    /** Sessions per known task code, below the limit it was counted with. */
    perTask: Int32Array;
    /** Distinct tasks: the known ones run, plus one per session without a task. */
    distinct: number;
    /** The most sessions of one task. */
    largest: number;
}
export declare function countTasks(tasks: Int32Array, limit: number): TaskCounts;
