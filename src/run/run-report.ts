import type { Attrition } from './attrition.js';
import type { RunResult, Stop } from './run-experiment.js';
import type { Shard } from './schedule.js';

/**
 * What `run-report.json` (`run-report-<i>-of-<n>.json` for a shard) holds: the run's side of the
 * verdict, for the analysis to show beside it: attrition per arm and why the run stopped.
 */
export interface RunReport {
  experiment: string;
  seed: number;
  shard: string;
  sessions: { scheduled: number; finished: number; resumed: number; lost: number };
  attrition: Attrition;
  stop: Stop;
  /** `--until-decided`: the total sessions (both arms) at each look. */
  looks: number[];
  /** Sessions lost to infrastructure failures after every retry, and why the last attempt failed. */
  lost: {
    session_id: string;
    variant: string;
    task_id: string;
    attempts: number;
    reason: string;
  }[];
}

export function runReport(
  result: RunResult,
  experiment: string,
  seed: number,
  shard: Shard,
): RunReport {
  return {
    experiment,
    seed,
    shard: `${shard.index}/${shard.count}`,
    sessions: {
      scheduled: result.scheduled.length,
      finished: result.scheduled.filter((s) => result.finished.has(s.sessionId)).length,
      resumed: result.resumed,
      lost: result.lost.length,
    },
    attrition: result.attrition,
    stop: result.stop,
    looks: result.looks,
    lost: result.lost.map((failure) => ({
      session_id: failure.session_id,
      variant: failure.variant,
      task_id: failure.task_id,
      attempts: failure.run.attempt,
      reason: failure.run.reason ?? '',
    })),
  };
}

/** The report's file name in the results folder. */
export function runReportFile(shard: Shard): string {
  return shard.count === 1 ? 'run-report.json' : `run-report-${shard.index}-of-${shard.count}.json`;
}
