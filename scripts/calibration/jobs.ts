/** Slices of simulated experiments, run in this thread or in a worker (`worker.ts`). */
import { runRegimeExperiment, type Outcome } from './experiment.js';
import { REGIMES } from './regimes.js';
import { runSequentialExperiment, type Trajectory } from './sequential.js';

export type Scenario = 'aa' | 'effect';

/** Experiments `start` … `start + count − 1` of a regime (or of the sequential study) and scenario. */
export interface Job {
  study: string;
  scenario: Scenario;
  seed: number;
  /** The random stream: one per study and scenario, so a slice can be re-run alone. */
  stream: number;
  start: number;
  count: number;
}

export type JobResult = Outcome[] | Trajectory[];

export const SEQUENTIAL = 'sequential';

export function runJob(job: Job): JobResult {
  const indices = Array.from({ length: job.count }, (_, i) => job.start + i);
  if (job.study === SEQUENTIAL) {
    return indices.map((i) => runSequentialExperiment(job.scenario, job.seed, job.stream, i));
  }
  const regime = REGIMES.find((r) => r.id === job.study);
  if (!regime) throw new Error(`no regime ${job.study}`);
  return indices.map((i) => runRegimeExperiment(regime, job.scenario, job.seed, job.stream, i));
}

/** Splits `experiments` into jobs of at most `size`. */
export function slices(
  template: Omit<Job, 'start' | 'count'>,
  experiments: number,
  size: number,
): Job[] {
  const jobs: Job[] = [];
  for (let start = 0; start < experiments; start += size) {
    jobs.push({ ...template, start, count: Math.min(size, experiments - start) });
  }
  return jobs;
}
