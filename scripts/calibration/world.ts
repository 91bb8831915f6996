/**
 * The simulated agent sessions. Each task has a difficulty (one standard normal) that moves all of
 * its metrics together: tool calls (Poisson), the chance that a call fails (log-odds normal over
 * tasks and sessions), success (log-odds normal), completion time (log-normal, with occasional
 * outliers such as timeouts), user corrections and messages (gamma–Poisson: overdispersed counts).
 * A treatment effect multiplies error chances, times and counts, and shifts the log-odds of success.
 */
import type { SessionRecord } from '../../src/records/types.js';
import { inverseLogit, logit, type Random } from './random.js';

export interface World {
  calls: { median: number; taskSd: number };
  errors: { median: number; taskSd: number; sessionSd: number };
  success: { median: number; taskSd: number; sessionSd: number };
  seconds: {
    median: number;
    taskSd: number;
    sessionSd: number;
    /** A session is an outlier (a timeout, a stuck tool) with this chance… */
    outlierChance: number;
    /** …and then takes this many times as long. */
    outlierFactor: number;
  };
  corrections: { mean: number; taskSd: number; shape: number };
  messages: { mean: number; taskSd: number; shape: number };
}

export const BASE_WORLD: World = {
  calls: { median: 30, taskSd: 0.2 },
  errors: { median: 0.05, taskSd: 0.5, sessionSd: 0.3 },
  success: { median: 0.6, taskSd: 1, sessionSd: 0 },
  seconds: { median: 300, taskSd: 0.6, sessionSd: 0.5, outlierChance: 0, outlierFactor: 1 },
  corrections: { mean: 0.3, taskSd: 0.3, shape: 2 },
  messages: { mean: 18, taskSd: 0.3, shape: 5 },
};

/** What the treatment does to each metric; none of it in an A/A experiment. */
export interface Effect {
  errorFactor: number;
  successLogOdds: number;
  timeFactor: number;
  correctionsFactor: number;
  messagesFactor: number;
}

export const NO_EFFECT: Effect = {
  errorFactor: 1,
  successLogOdds: 0,
  timeFactor: 1,
  correctionsFactor: 1,
  messagesFactor: 1,
};

export function withWorld(overrides: DeepPartial<World> = {}): World {
  const world = structuredClone(BASE_WORLD);
  for (const [key, value] of Object.entries(overrides)) {
    Object.assign(world[key as keyof World], value);
  }
  return world;
}

export type DeepPartial<T> = { [K in keyof T]?: Partial<T[K]> };

export const CONTROL = 'cold';
export const TREATMENT = 'warm';

/** One session of a task of difficulty u. */
export function drawSession(
  random: Random,
  world: World,
  u: number,
  treated: boolean,
  effect: Effect,
  ids: { session: string; task: string },
): SessionRecord {
  const e = treated ? effect : NO_EFFECT;
  const calls = random.poisson(Math.exp(Math.log(world.calls.median) + world.calls.taskSd * u));
  const perCall =
    inverseLogit(
      logit(world.errors.median) +
        world.errors.taskSd * u +
        world.errors.sessionSd * random.normal(),
    ) * e.errorFactor;
  const failed = random.binomial(calls, perCall);
  const success =
    random.uniform() <
    inverseLogit(
      logit(world.success.median) -
        world.success.taskSd * u +
        world.success.sessionSd * random.normal() +
        e.successLogOdds,
    );
  const s = world.seconds;
  let seconds = Math.exp(Math.log(s.median) + s.taskSd * u + s.sessionSd * random.normal());
  if (s.outlierChance > 0 && random.uniform() < s.outlierChance) seconds *= s.outlierFactor;
  return {
    session_id: ids.session,
    variant: treated ? TREATMENT : CONTROL,
    task_id: ids.task,
    success,
    tool_calls: calls,
    successful_tool_calls: calls - failed,
    completion_time_seconds: seconds * e.timeFactor,
    user_corrections: overdispersedCount(random, world.corrections, u, e.correctionsFactor),
    message_count: overdispersedCount(random, world.messages, u, e.messagesFactor),
  };
}

function overdispersedCount(
  random: Random,
  count: { mean: number; taskSd: number; shape: number },
  u: number,
  factor: number,
): number {
  const taskMean = count.mean * Math.exp(count.taskSd * u - (count.taskSd * count.taskSd) / 2);
  return random.poisson(taskMean * factor * (gamma(random, count.shape) / count.shape));
}

/** Gamma(shape, 1) by Marsaglia and Tsang. */
function gamma(random: Random, shape: number): number {
  if (shape < 1) return gamma(random, shape + 1) * Math.pow(random.uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = random.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random.uniform();
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** E[numerator | task, arm] and E[denominator | task, arm] of each analysed metric. */
export function cellExpectation(
  world: World,
  metric: Metric,
  u: number,
  treated: boolean,
  effect: Effect,
): { m: number; d: number } {
  const e = treated ? effect : NO_EFFECT;
  switch (metric) {
    case 'tool_error_rate': {
      const calls = Math.exp(Math.log(world.calls.median) + world.calls.taskSd * u);
      const chance = normalExpectation((x) =>
        inverseLogit(
          logit(world.errors.median) + world.errors.taskSd * u + world.errors.sessionSd * x,
        ),
      );
      return { m: calls * chance * e.errorFactor, d: calls };
    }
    case 'success':
      return {
        m: normalExpectation((x) =>
          inverseLogit(
            logit(world.success.median) -
              world.success.taskSd * u +
              world.success.sessionSd * x +
              e.successLogOdds,
          ),
        ),
        d: 1,
      };
    case 'completion_time_seconds': {
      const s = world.seconds;
      const mean =
        Math.exp(Math.log(s.median) + s.taskSd * u + (s.sessionSd * s.sessionSd) / 2) *
        (1 + s.outlierChance * (s.outlierFactor - 1));
      return { m: mean * e.timeFactor, d: 1 };
    }
    case 'user_corrections':
    case 'message_count': {
      const count = metric === 'user_corrections' ? world.corrections : world.messages;
      const factor = metric === 'user_corrections' ? e.correctionsFactor : e.messagesFactor;
      return { m: count.mean * Math.exp(count.taskSd * u - count.taskSd ** 2 / 2) * factor, d: 1 };
    }
  }
}

export type Metric =
  'tool_error_rate' | 'success' | 'completion_time_seconds' | 'user_corrections' | 'message_count';

const NODES = 401;
const NODE_X = Float64Array.from({ length: NODES }, (_, i) => -10 + (20 * i) / (NODES - 1));
const NODE_W = Float64Array.from(NODE_X, (x, i) => {
  const edge = i === 0 || i === NODES - 1 ? 0.5 : 1;
  return (edge * (20 / (NODES - 1)) * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI);
});

/** E[f(Z)] for a standard normal Z, by the trapezoid rule on ±10 (exact to ~1e-12 for smooth f). */
export function normalExpectation(f: (x: number) => number): number {
  let sum = 0;
  for (let i = 0; i < NODES; i++) sum += NODE_W[i]! * f(NODE_X[i]!);
  return sum;
}
