import { join } from 'node:path';
import type { Report } from '../analysis/report-types.js';
import type { ExperimentConfig } from '../config/experiment-config.js';
import type { SessionRecord } from '../records/types.js';
import { attritionOf, type ArmAttrition, type Attrition } from './attrition.js';
import { decideRound } from './decide-round.js';
import type { Experiment } from './load-experiment.js';
import { ResultsAppender, type ResultsSoFar } from './results-file.js';
import { runAttempt, type InfraFailure, type SessionContext } from './run-session.js';
import type { ScheduledSession } from './schedule.js';

/** What the runner tells as it goes, for a progress bar or log lines. */
export type RunEvent =
  | { kind: 'finished'; session: ScheduledSession; record: SessionRecord }
  | { kind: 'infra'; session: ScheduledSession; failure: InfraFailure; retrying: boolean }
  | { kind: 'round'; round: number; verdict: string; decided: boolean };

export interface RunOptions extends Omit<SessionContext, 'workRoot'> {
  /** This shard's sessions of the seeded schedule, in order. */
  schedule: ScheduledSession[];
  /** The results folder. */
  out: string;
  /** What `sessions.jsonl` held at the start: those sessions are not run again. */
  soFar: ResultsSoFar;
  /** Set for `--until-decided`: the analysis settings of the verdict after each round. */
  untilDecided?: ExperimentConfig;
  onEvent?: (event: RunEvent) => void;
}

/** Why the run ended. */
export type Stop =
  | { reason: 'complete' }
  | { reason: 'decided' | 'maximum'; round: number; rounds: number; verdict: string }
  | { reason: 'interrupted' };

export interface RunResult {
  /** The sessions of the rounds that ran (all, unless `--until-decided` stopped early). */
  scheduled: ScheduledSession[];
  /** Every finished session of those rounds: the earlier runs' and this one's. */
  finished: Map<string, SessionRecord>;
  /** Sessions lost to infrastructure failures after every retry, with their last attempt. */
  lost: InfraFailure[];
  /** Sessions found finished when the run started. */
  resumed: number;
  stop: Stop;
  attrition: Attrition;
  /** `--until-decided`: total sessions at each look, and the last look's report. */
  looks: number[];
  report?: Report;
}

export const RESULTS_FILE = 'sessions.jsonl';
export const INFRA_FAILURES_FILE = 'infra-failures.log';

/**
 * Runs this shard's part of the schedule: every session not finished before, `concurrency` at a
 * time in the order of the schedule, each retried after infrastructure failures up to `retries`
 * times. Finished sessions are appended to `sessions.jsonl` at once, failed attempts to
 * `infra-failures.log`. With `untilDecided`, the schedule runs round by round and stops once
 * the sequential analysis reaches a verdict.
 */
export async function runExperiment(options: RunOptions): Promise<RunResult> {
  const { schedule, soFar } = options;
  const context: SessionContext = { ...options, workRoot: join(options.out, 'work') };
  const results = await ResultsAppender.open(join(options.out, RESULTS_FILE));
  const failures = await ResultsAppender.open(join(options.out, INFRA_FAILURES_FILE));
  const finished = new Map<string, SessionRecord>();
  const lost: InfraFailure[] = [];
  const looks: number[] = [];
  let report: Report | undefined;
  let stop: Stop = { reason: 'complete' };
  let ran: ScheduledSession[] = schedule;

  const runOne = async (session: ScheduledSession) => {
    for (let attempt = 1; !options.signal?.aborted; attempt++) {
      const outcome = await runAttempt(session, attempt, context);
      if (options.signal?.aborted) return; // killed by the runner: neither a result nor a failure
      if (outcome.kind === 'finished') {
        await results.append(outcome.record);
        finished.set(session.sessionId, outcome.record);
        options.onEvent?.({ kind: 'finished', session, record: outcome.record });
        return;
      }
      await failures.append(outcome.failure);
      const retrying = attempt <= options.experiment.retries;
      options.onEvent?.({ kind: 'infra', session, failure: outcome.failure, retrying });
      if (!retrying) {
        lost.push(outcome.failure);
        return;
      }
    }
  };

  try {
    for (const session of schedule) {
      const earlier = soFar.finished.get(session.sessionId);
      if (earlier) finished.set(session.sessionId, earlier);
    }
    const rounds = options.untilDecided ? groupByRound(schedule) : [schedule];
    for (const [index, round] of rounds.entries()) {
      await runPool(
        round.filter((session) => !soFar.finished.has(session.sessionId)),
        options.experiment.concurrency,
        runOne,
        options.signal,
      );
      if (options.signal?.aborted) {
        stop = { reason: 'interrupted' };
        break;
      }
      if (!options.untilDecided) continue;
      // The sessions of the rounds so far (an earlier run may have run later rounds too).
      const sofar = finishedOf(rounds.slice(0, index + 1).flat(), finished);
      looks.push(sofar.length);
      const decision = decideRound(sofar, options.untilDecided, looks, schedule.length);
      report = decision.report;
      const number = round[0]!.round;
      const verdict = report.recommendation.verdict;
      options.onEvent?.({ kind: 'round', round: number, verdict, decided: decision.decided });
      if (decision.decided || index === rounds.length - 1) {
        const reason = decision.decided ? 'decided' : 'maximum';
        stop = { reason, round: number, rounds: rounds.length, verdict };
        ran = rounds.slice(0, index + 1).flat();
        break;
      }
    }
    return {
      scheduled: ran,
      finished: new Map(finishedOf(ran, finished).map((r) => [r.session_id, r])),
      lost,
      resumed: ran.filter((session) => soFar.finished.has(session.sessionId)).length,
      stop,
      attrition: attritionOf(...armsOf(ran, finished, lost, options.experiment)),
      looks,
      ...(report && { report }),
    };
  } finally {
    await results.close();
    await failures.close();
  }
}

/** Runs `work` on every item, at most `concurrency` at once, starting them in order. */
async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

function finishedOf(
  sessions: readonly ScheduledSession[],
  finished: ReadonlyMap<string, SessionRecord>,
): SessionRecord[] {
  return sessions.flatMap((session) => finished.get(session.sessionId) ?? []);
}

function groupByRound(schedule: readonly ScheduledSession[]): ScheduledSession[][] {
  const rounds = new Map<number, ScheduledSession[]>();
  for (const session of schedule) {
    const round = rounds.get(session.round);
    if (round) round.push(session);
    else rounds.set(session.round, [session]);
  }
  return [...rounds.values()];
}

function armsOf(
  scheduled: readonly ScheduledSession[],
  finished: ReadonlyMap<string, SessionRecord>,
  lost: readonly InfraFailure[],
  experiment: Experiment,
): [ArmAttrition, ArmAttrition] {
  const arm = (variant: string): ArmAttrition => {
    const mine = scheduled.filter((session) => session.variant.name === variant);
    return {
      variant,
      scheduled: mine.length,
      finished: mine.filter((session) => finished.has(session.sessionId)).length,
      lost: lost.filter((failure) => failure.variant === variant).length,
    };
  };
  return [arm(experiment.variants[0].name), arm(experiment.variants[1].name)];
}
