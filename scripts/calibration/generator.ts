/**
 * Simulated experiments that look like agent sessions: every run (look), both arms run the same
 * few new tasks, each once or twice; a task has its own difficulty (one standard normal), shared
 * by both arms, that moves its tool calls, its tool error rate and its completion time together.
 * Tool errors are rare, completion times log-normal (skewed).
 */
import type { SessionRecord } from '../../src/records/types.js';
import { inverseLogit, logit, type Random } from './random.js';

export const CONTROL = 'cold';
export const TREATMENT = 'warm';

/** The data-generating process, the same for both arms apart from the scenario's effects. */
export const WORLD = {
  looks: 20,
  tasksPerLook: 4,
  /** Sessions of one task in one arm, drawn uniformly for each arm. */
  sessionsPerTask: [1, 2] as const,
  /** Tool calls per session: Poisson, its mean log-normal over tasks (median 30, ~20–45). */
  toolCalls: { median: 30, taskSd: 0.2 },
  /**
   * Each tool call fails with a probability whose log-odds are normal over tasks and sessions:
   * 5% at the median, ~2–13% over tasks; 5.7% on average.
   */
  toolErrors: { median: 0.05, taskSd: 0.5, sessionSd: 0.3 },
  /** Completion time in seconds: log-normal over tasks and sessions (mean ~407 s). */
  seconds: { median: 300, taskSd: 0.6, sessionSd: 0.5 },
} as const;

export interface Scenario {
  name: string;
  /** The treatment multiplies each session's per-call error probability by this. */
  errorFactor: number;
  /** …and each session's completion time by this. */
  timeFactor: number;
}

export const AA: Scenario = { name: 'A/A', errorFactor: 1, timeFactor: 1 };
export const EFFECT: Scenario = { name: 'effect', errorFactor: 0.7, timeFactor: 0.8 };

interface Task {
  id: string;
  /** Log of the mean tool calls, log-odds of a failing call, log of the median time. */
  logCalls: number;
  errorLogOdds: number;
  logSeconds: number;
}

function drawTask(random: Random, id: string): Task {
  const { toolCalls, toolErrors, seconds } = WORLD;
  const difficulty = random.normal();
  return {
    id,
    logCalls: Math.log(toolCalls.median) + toolCalls.taskSd * difficulty,
    errorLogOdds: logit(toolErrors.median) + toolErrors.taskSd * difficulty,
    logSeconds: Math.log(seconds.median) + seconds.taskSd * difficulty,
  };
}

function drawSession(
  random: Random,
  task: Task,
  variant: string,
  scenario: Scenario,
  id: string,
): SessionRecord {
  const effect = variant === TREATMENT;
  const calls = random.poisson(Math.exp(task.logCalls));
  const perCall =
    inverseLogit(task.errorLogOdds + WORLD.toolErrors.sessionSd * random.normal()) *
    (effect ? scenario.errorFactor : 1);
  const errors = random.binomial(calls, perCall);
  const seconds =
    Math.exp(task.logSeconds + WORLD.seconds.sessionSd * random.normal()) *
    (effect ? scenario.timeFactor : 1);
  return {
    session_id: id,
    variant,
    task_id: task.id,
    tool_calls: calls,
    successful_tool_calls: calls - errors,
    completion_time_seconds: seconds,
  };
}

/** The sessions of look `look` (0-based): new tasks, each run by both arms. */
export function drawLook(random: Random, look: number, scenario: Scenario): SessionRecord[] {
  const sessions: SessionRecord[] = [];
  const [fewest, most] = WORLD.sessionsPerTask;
  for (let t = 0; t < WORLD.tasksPerLook; t++) {
    const task = drawTask(random, `task-${look}-${t}`);
    for (const variant of [CONTROL, TREATMENT]) {
      const count = random.integer(fewest, most);
      for (let s = 0; s < count; s++) {
        sessions.push(drawSession(random, task, variant, scenario, `${task.id}-${variant}-${s}`));
      }
    }
  }
  return sessions;
}
