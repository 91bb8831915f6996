/**
 * The true treatment − control difference of each primary metric, from the generating parameters.
 *
 * The paired analysis estimates the mean over tasks of per-task differences, each task's value
 * being its own Σ errors / Σ tool calls (or mean time). Within a task the tool calls do not depend
 * on the error probability, so a task's expected error rate is the mean of its sessions' per-call
 * probabilities, E[p | task], and the estimand is the task-weighted mean E_task[E[p_T − p_C | task]]
 * = (errorFactor − 1)·E[p] over tasks and sessions: one integral of the inverse logit against a
 * normal, done here by quadrature. Completion time: (timeFactor − 1)·E[time], in closed form.
 */
import { WORLD, type Scenario } from './generator.js';
import { inverseLogit, logit } from './random.js';

export type PrimaryMetric = 'tool_error_rate' | 'completion_time_seconds';

export function trueDifference(metric: PrimaryMetric, scenario: Scenario): number {
  return metric === 'tool_error_rate'
    ? (scenario.errorFactor - 1) * meanErrorRate()
    : (scenario.timeFactor - 1) * meanSeconds();
}

/** E[p]: p = invlogit(N(logit(median), taskSd² + sessionSd²)), by the trapezoid rule on ±10 sd. */
export function meanErrorRate(): number {
  const { median, taskSd, sessionSd } = WORLD.toolErrors;
  const centre = logit(median);
  const sd = Math.hypot(taskSd, sessionSd);
  const steps = 20_000;
  const width = 20 / steps;
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const x = -10 + i * width;
    const weight = i === 0 || i === steps ? 0.5 : 1;
    sum += weight * inverseLogit(centre + sd * x) * Math.exp(-0.5 * x * x);
  }
  return (sum * width) / Math.sqrt(2 * Math.PI);
}

/** E[time] = median·exp((taskSd² + sessionSd²)/2). */
export function meanSeconds(): number {
  const { median, taskSd, sessionSd } = WORLD.seconds;
  return median * Math.exp((taskSd * taskSd + sessionSd * sessionSd) / 2);
}
