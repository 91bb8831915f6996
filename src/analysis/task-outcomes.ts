import { passAtK, passHatK } from './pass-at-k.js';
import type { ArmSamples } from './samples.js';
import type { PassAtK, Solved } from './task-drilldown-types.js';

/** Per task code: how many of the arm's sessions solved the task (a binary metric's 1s). */
export type SolvedPerTask = Map<number, Solved>;

export function solvedPerTask(samples: ArmSamples): SolvedPerTask {
  const counts: SolvedPerTask = new Map();
  if (samples.type !== 'column') return counts;
  samples.tasks.forEach((task, i) => {
    if (task < 0) return;
    const count = counts.get(task) ?? { solved: 0, sessions: 0 };
    count.sessions++;
    if (samples.values[i] === 1) count.solved++;
    counts.set(task, count);
  });
  return counts;
}

/**
 * pass@k and pass^k per arm, averaged over the paired tasks. k is the median over those tasks
 * of the repetitions both arms have (the fewer of the two), so that one task run once does not
 * hide the repetitions of all the others; tasks with fewer than k are left out of the averages.
 * Null without repetitions (k < 2).
 */
export function passAtKOf(
  pairs: readonly [Solved | undefined, Solved | undefined][],
): PassAtK | null {
  const both = pairs.filter((pair): pair is [Solved, Solved] => !!pair[0] && !!pair[1]);
  const repetitions = both.map(([c, t]) => Math.min(c.sessions, t.sessions)).sort((a, b) => a - b);
  const k = repetitions[Math.floor((repetitions.length - 1) / 2)] ?? 0;
  if (k < 2) return null;
  const used = both.filter(([c, t]) => c.sessions >= k && t.sessions >= k);
  const arm = (pick: (pair: [Solved, Solved]) => Solved) => ({
    passAtK: mean(used.map((pair) => passAtK(pick(pair).sessions, pick(pair).solved, k))),
    passHatK: mean(used.map((pair) => passHatK(pick(pair).sessions, pick(pair).solved, k))),
  });
  return {
    k,
    tasks: used.length,
    control: arm(([c]) => c),
    treatment: arm(([, t]) => t),
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
