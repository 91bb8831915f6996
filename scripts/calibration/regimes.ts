/**
 * The regimes agent experiments live in, each run as A/A experiments (no true difference) and with
 * an effect: few tasks shared or not, tiny and unbalanced arms, sparse events, heavy tails,
 * guardrails. Every experiment is analysed once (fixed-horizon) by the real `analyze()`.
 */
import type { DeepPartial, Effect, Metric, World } from './world.js';

export type Layout =
  /** Every session a task of its own: `sessions` per arm [control, treatment]. */
  | { kind: 'independent'; sessions: [number, number] }
  /** Both arms run the same `tasks`, `perTask` sessions each [control, treatment]. */
  | { kind: 'shared'; tasks: number; perTask: [number, number] }
  /** Each arm runs `tasks` tasks of its own. */
  | { kind: 'separate'; tasks: number; perTask: [number, number] }
  /** `shared` tasks both arms run, and `oneArm` tasks each arm runs alone. */
  | { kind: 'mixed'; shared: number; oneArm: number; perTask: [number, number] };

export interface Regime {
  id: string;
  title: string;
  layout: Layout;
  world?: DeepPartial<World>;
  primary: Metric;
  guardrails?: Metric[];
  effect: Partial<Effect>;
  /** The verdict the effect should lead to: power is how often it does. */
  expected: 'adopt' | 'reject';
}

const LARGE_TASK_EFFECTS: DeepPartial<World> = { errors: { taskSd: 1 }, seconds: { taskSd: 1 } };
const HALF_THE_ERRORS: Partial<Effect> = { errorFactor: 0.5 };
const FASTER: Partial<Effect> = { timeFactor: 0.7 };

export const REGIMES: Regime[] = [
  ...[3, 5, 8].map((tasks): Regime => ({
    id: `shared-${tasks}`,
    title: `${tasks} tasks shared, 4 sessions each per arm, large task effects`,
    layout: { kind: 'shared', tasks, perTask: [4, 4] },
    world: LARGE_TASK_EFFECTS,
    primary: 'tool_error_rate',
    effect: HALF_THE_ERRORS,
    expected: 'adopt',
  })),
  ...[3, 5, 8].map((tasks): Regime => ({
    id: `separate-${tasks}`,
    title: `${tasks} tasks per arm, not shared, 4 sessions each, large task effects`,
    layout: { kind: 'separate', tasks, perTask: [4, 4] },
    world: LARGE_TASK_EFFECTS,
    primary: 'tool_error_rate',
    effect: HALF_THE_ERRORS,
    expected: 'adopt',
  })),
  {
    id: 'shared-2',
    title: 'both arms ran the same 2 tasks ×6',
    layout: { kind: 'shared', tasks: 2, perTask: [6, 6] },
    world: LARGE_TASK_EFFECTS,
    primary: 'tool_error_rate',
    effect: HALF_THE_ERRORS,
    expected: 'adopt',
  },
  {
    id: 'mixed',
    title: '4 shared tasks and 2 one-arm tasks per arm, 3 sessions each',
    layout: { kind: 'mixed', shared: 4, oneArm: 2, perTask: [3, 3] },
    primary: 'tool_error_rate',
    effect: HALF_THE_ERRORS,
    expected: 'adopt',
  },
  {
    id: 'tiny-4',
    title: '4 vs 4 sessions, tool error rate',
    layout: { kind: 'independent', sessions: [4, 4] },
    primary: 'tool_error_rate',
    effect: { errorFactor: 0.3 },
    expected: 'adopt',
  },
  {
    id: 'tiny-6',
    title: '6 vs 6 sessions, completion time',
    layout: { kind: 'independent', sessions: [6, 6] },
    primary: 'completion_time_seconds',
    effect: { timeFactor: 0.5 },
    expected: 'adopt',
  },
  {
    id: 'tiny-10',
    title: '10 vs 10 sessions, success',
    layout: { kind: 'independent', sessions: [10, 10] },
    primary: 'success',
    effect: { successLogOdds: 2 },
    expected: 'adopt',
  },
  {
    id: 'success-near-0',
    title: 'success near 0 (5%), 20 vs 20 sessions',
    layout: { kind: 'independent', sessions: [20, 20] },
    world: { success: { median: 0.05, taskSd: 0 } },
    primary: 'success',
    effect: { successLogOdds: 2 },
    expected: 'adopt',
  },
  {
    id: 'success-near-1',
    title: 'success near 1 (95%), 20 vs 20 sessions',
    layout: { kind: 'independent', sessions: [20, 20] },
    world: { success: { median: 0.95, taskSd: 0 } },
    primary: 'success',
    effect: { successLogOdds: -2.5 },
    expected: 'reject',
  },
  {
    id: 'heavy-tails',
    title: 'heavy-tailed times with 5% outliers (×8), 20 vs 20',
    layout: { kind: 'independent', sessions: [20, 20] },
    world: { seconds: { sessionSd: 1, outlierChance: 0.05, outlierFactor: 8 } },
    primary: 'completion_time_seconds',
    effect: FASTER,
    expected: 'adopt',
  },
  {
    id: 'few-calls',
    title: '~1.5 tool calls per session, 15 vs 15',
    layout: { kind: 'independent', sessions: [15, 15] },
    world: { calls: { median: 1.5, taskSd: 0 }, errors: { median: 0.2 } },
    primary: 'tool_error_rate',
    effect: { errorFactor: 0.3 },
    expected: 'adopt',
  },
  {
    id: 'rare-errors',
    title: 'tool errors ~1% of calls, 30 vs 30',
    layout: { kind: 'independent', sessions: [30, 30] },
    world: { errors: { median: 0.01 } },
    primary: 'tool_error_rate',
    effect: { errorFactor: 0.3 },
    expected: 'adopt',
  },
  {
    id: 'unbalanced',
    title: 'unbalanced 8 vs 32 sessions, tool error rate',
    layout: { kind: 'independent', sessions: [8, 32] },
    primary: 'tool_error_rate',
    effect: HALF_THE_ERRORS,
    expected: 'adopt',
  },
  {
    id: 'unbalanced-time',
    title: 'unbalanced 8 vs 32 sessions, log-normal completion time',
    layout: { kind: 'independent', sessions: [8, 32] },
    world: { seconds: { sessionSd: 1 } },
    primary: 'completion_time_seconds',
    effect: FASTER,
    expected: 'adopt',
  },
  {
    id: 'unbalanced-tasks',
    title: 'unbalanced 1 vs 4 sessions within 5 shared tasks',
    layout: { kind: 'shared', tasks: 5, perTask: [1, 4] },
    primary: 'tool_error_rate',
    effect: HALF_THE_ERRORS,
    expected: 'adopt',
  },
  {
    id: 'sparse-guardrail',
    title: 'sparse count as guardrail (0.15 corrections per session), 30 vs 30',
    layout: { kind: 'independent', sessions: [30, 30] },
    world: { corrections: { mean: 0.15, taskSd: 0, shape: 0.5 } },
    primary: 'tool_error_rate',
    guardrails: ['user_corrections'],
    effect: { correctionsFactor: 4 },
    expected: 'reject',
  },
  {
    id: 'guardrail',
    title: 'one primary and one guardrail, 40 vs 40',
    layout: { kind: 'independent', sessions: [40, 40] },
    primary: 'tool_error_rate',
    guardrails: ['completion_time_seconds'],
    effect: { errorFactor: 0.6 },
    expected: 'adopt',
  },
];
