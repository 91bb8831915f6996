import type { ArmSamples } from './samples.js';
import { taskCodeLimit } from './task-counts.js';

/** One arm's per-task values (mean, or Σ numerator / Σ denominator for a ratio), by task code. */
export interface TaskMeans {
  /** Undefined for a task the arm did not run, or whose denominators sum to 0. */
  value(task: number): number | undefined;
}

export function taskMeans(samples: ArmSamples): TaskMeans {
  const limit = taskCodeLimit([samples]);
  const top = new Float64Array(limit);
  const bottom = new Float64Array(limit);
  const sessions = new Int32Array(limit);
  const tops = samples.type === 'column' ? samples.values : samples.numerators;
  const bottoms = samples.type === 'ratio' ? samples.denominators : null;
  for (let i = 0; i < tops.length; i++) {
    const task = samples.tasks[i]!;
    if (task < 0) continue;
    const b = bottoms === null ? 1 : bottoms[i]!;
    // A task's first session sets its sums, as adding it to 0 would turn −0 into 0.
    sessions[task] = sessions[task]! + 1;
    if (sessions[task] === 1) {
      top[task] = tops[i]!;
      bottom[task] = b;
    } else {
      top[task] = top[task]! + tops[i]!;
      bottom[task] = bottom[task]! + b;
    }
  }
  return {
    // A task whose denominators sum to 0 (no tool calls at all) has no ratio to compare.
    value: (task) =>
      task >= 0 && task < limit && sessions[task]! > 0 && bottom[task] !== 0
        ? top[task]! / bottom[task]!
        : undefined,
  };
}
