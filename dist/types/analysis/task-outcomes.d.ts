import type { ArmSamples } from './samples.js';
import type { PassAtK, Solved } from './task-drilldown-types.js';
/** Per task code: how many of the arm's sessions solved the task (a binary metric's 1s). */
export type SolvedPerTask = Map<number, Solved>;
export declare function solvedPerTask(samples: ArmSamples): SolvedPerTask;
/**
 * pass@k and pass^k per arm, averaged over the paired tasks. k is the median over those tasks
 * of the repetitions both arms have (the fewer of the two), so that one task run once does not
 * hide the repetitions of all the others; tasks with fewer than k are left out of the averages.
 * Null without repetitions (k < 2).
 */
export declare function passAtKOf(pairs: readonly [Solved | undefined, Solved | undefined][]): PassAtK | null;
