import type { ArmSamples } from './samples.js';

/** One arm's per-task value (mean, or Σ numerator / Σ denominator for a ratio) and session count. */
export type TaskMeans = Map<number, { value: number; sessions: number }>;

export function taskMeans(samples: ArmSamples): TaskMeans {
  const sums = new Map<number, { top: number; bottom: number; sessions: number }>();
  const n = samples.tasks.length;
  for (let i = 0; i < n; i++) {
    const task = samples.tasks[i]!;
    const top = samples.type === 'column' ? samples.values[i]! : samples.numerators[i]!;
    const bottom = samples.type === 'column' ? 1 : samples.denominators[i]!;
    const sum = sums.get(task);
    if (sum) {
      sum.top += top;
      sum.bottom += bottom;
      sum.sessions++;
    } else {
      sums.set(task, { top, bottom, sessions: 1 });
    }
  }
  const means: TaskMeans = new Map();
  // A task whose denominators sum to 0 (no tool calls at all) has no ratio to compare.
  for (const [task, { top, bottom, sessions }] of sums) {
    if (bottom !== 0) means.set(task, { value: top / bottom, sessions });
  }
  return means;
}
