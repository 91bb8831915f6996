/** Slices of simulated experiments, run in this thread or in a worker (`worker.ts`). */
import type { Method } from '../../src/config/experiment-config.js';
import type { Scenario } from './generator.js';
import { analysis, simulateExperiment, type Trajectory } from './simulate.js';
import type { PrimaryMetric } from './truth.js';

/** Every experiment is analysed in both modes, on the same sessions. */
export const MODES: readonly Method[] = ['sequential', 'fixed-horizon'];

/** Experiments `start` … `start + count − 1` of a scenario, analysed with one primary metric. */
export interface Job {
  seed: number;
  /** The scenario's random stream: the same stream gives the same experiments, whatever metric. */
  stream: number;
  scenario: Scenario;
  metric: PrimaryMetric;
  start: number;
  count: number;
}

/** By experiment, then by mode (`MODES` order). */
export type JobResult = Trajectory[][];

export function runJob(job: Job): JobResult {
  const analyses = MODES.map((method) => analysis(method, job.metric));
  const results: JobResult = [];
  for (let i = job.start; i < job.start + job.count; i++) {
    results.push(simulateExperiment(job.seed, job.stream, i, job.scenario, analyses));
  }
  return results;
}

/** Splits `experiments` into jobs of at most `size`. */
export function slices(template: Omit<Job, 'start' | 'count'>, experiments: number, size: number) {
  const jobs: Job[] = [];
  for (let start = 0; start < experiments; start += size) {
    jobs.push({ ...template, start, count: Math.min(size, experiments - start) });
  }
  return jobs;
}
