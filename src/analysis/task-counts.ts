import type { ArmSamples } from './samples.js';

/**
 * One past the largest task code the arms hold: per-task tallies are typed arrays indexed by the
 * (dense) code, which at a million sessions is far cheaper than maps keyed by it.
 */
export function taskCodeLimit(arms: readonly ArmSamples[]): number {
  let largest = -1;
  for (const { tasks } of arms) {
    for (let i = 0; i < tasks.length; i++) if (tasks[i]! > largest) largest = tasks[i]!;
  }
  return largest + 1;
}

/** An arm's sessions per task code; sessions without a task (−1) count as tasks of their own. */
export interface TaskCounts {
  /** Sessions per known task code, below the limit it was counted with. */
  perTask: Int32Array;
  /** Distinct tasks: the known ones run, plus one per session without a task. */
  distinct: number;
  /** The most sessions of one task. */
  largest: number;
}

export function countTasks(tasks: Int32Array, limit: number): TaskCounts {
  const perTask = new Int32Array(limit);
  let unknown = 0;
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i]!;
    if (task >= 0) perTask[task] = perTask[task]! + 1;
    else unknown++;
  }
  let distinct = unknown;
  let largest = unknown > 0 ? 1 : 0;
  for (let task = 0; task < limit; task++) {
    const count = perTask[task]!;
    if (count > 0) distinct++;
    if (count > largest) largest = count;
  }
  return { perTask, distinct, largest };
}
