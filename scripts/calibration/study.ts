/** What the calibration simulates: each scenario analysed with each primary metric. */
import type { Method } from '../../src/config/experiment-config.js';
import { AA, EFFECT, WORLD, type Scenario } from './generator.js';
import { MODES, slices, type Job, type JobResult } from './jobs.js';
import { summarize, type ModeSummary } from './summary.js';
import type { PrimaryMetric } from './truth.js';

export interface Study {
  metric: PrimaryMetric;
  scenario: Scenario;
  /** Studies of one scenario share a stream: the time pass re-analyses the first experiments. */
  stream: number;
  experiments: number;
}

/**
 * `sims` A/A and `sims` effect experiments with the error rate as primary metric; completion time
 * re-analyses the first fifth and tenth of them. Its comparison computes the exact Mann–Whitney
 * test beside the paired one, slow while an arm has fewer than 50 sessions: 15× the cost.
 */
export function plannedStudies(sims: number): Study[] {
  const part = (fraction: number) => Math.max(1, Math.ceil(sims * fraction));
  return [
    { metric: 'tool_error_rate', scenario: AA, stream: 0, experiments: sims },
    { metric: 'tool_error_rate', scenario: EFFECT, stream: 1, experiments: sims },
    { metric: 'completion_time_seconds', scenario: AA, stream: 0, experiments: part(1 / 5) },
    { metric: 'completion_time_seconds', scenario: EFFECT, stream: 1, experiments: part(1 / 10) },
  ];
}

const JOB_SIZE = 25;

export function studyJobs(study: Study, seed: number): Job[] {
  const { metric, scenario, stream, experiments } = study;
  return slices({ seed, stream, scenario, metric }, experiments, JOB_SIZE);
}

export interface StudyResult {
  study: Study;
  modes: { method: Method; summary: ModeSummary }[];
}

/** Each mode's summary, from the study's job results in order. */
export function summarizeStudy(study: Study, results: readonly JobResult[]): StudyResult {
  const experiments = results.flat();
  return {
    study,
    modes: MODES.map((method, m) => ({
      method,
      summary: summarize(
        experiments.map((trajectories) => trajectories[m]!),
        WORLD.looks,
      ),
    })),
  };
}
