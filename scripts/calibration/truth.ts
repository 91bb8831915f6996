/**
 * The true values each analysis estimates, from the generating parameters.
 *
 * - Paired by task: the comparison is about the tasks both arms ran. Its estimand is the weighted
 *   mean over those tasks of each task's true treatment and control values (weights nT·nC/(nT + nC)
 *   as the analysis uses), the task's value being E[numerator]/E[denominator] in it.
 * - Clustered or independent: the tasks stand for the population of tasks, and each arm's value is
 *   E[numerator]/E[denominator] over tasks and sessions.
 * - On the log scale (completion time) the effect is a ratio of geometric means: the time factor,
 *   whatever the design, since the treatment multiplies every session's time.
 */
import {
  cellExpectation,
  normalExpectation,
  type Effect,
  type Metric,
  type World,
} from './world.js';

export interface Truth {
  /** treatment − control; null on the log scale (its interval is the ratio's). */
  difference: number | null;
  /** treatment / control. */
  ratio: number;
}

const population = new Map<string, Truth>();

export function populationTruth(world: World, metric: Metric, effect: Effect, log: boolean): Truth {
  if (log) return { difference: null, ratio: effect.timeFactor };
  const key = JSON.stringify([world, metric, effect]);
  const known = population.get(key);
  if (known) return known;
  const arm = (treated: boolean) => {
    const m = normalExpectation((u) => cellExpectation(world, metric, u, treated, effect).m);
    const d = normalExpectation((u) => cellExpectation(world, metric, u, treated, effect).d);
    return m / d;
  };
  const t = arm(true);
  const c = arm(false);
  const truth = { difference: t - c, ratio: t / c };
  population.set(key, truth);
  return truth;
}

/** The paired estimand over the shared tasks of difficulties `u` with these session counts. */
export function pairedTruth(
  world: World,
  metric: Metric,
  effect: Effect,
  log: boolean,
  tasks: { u: number; control: number; treatment: number }[],
): Truth {
  if (log) return { difference: null, ratio: effect.timeFactor };
  let weights = 0;
  let t = 0;
  let c = 0;
  for (const task of tasks) {
    const w = (task.control * task.treatment) / (task.control + task.treatment);
    const cellT = cellExpectation(world, metric, task.u, true, effect);
    const cellC = cellExpectation(world, metric, task.u, false, effect);
    weights += w;
    t += (w * cellT.m) / cellT.d;
    c += (w * cellC.m) / cellC.d;
  }
  return { difference: (t - c) / weights, ratio: t / c };
}
