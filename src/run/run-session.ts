import { randomBytes } from 'node:crypto';
import { cp, mkdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { SessionRecord } from '../records/types.js';
import { collectMetrics, type MetricsSource } from './collect-metrics.js';
import type { Experiment } from './load-experiment.js';
import type { ScheduledSession, Shard } from './schedule.js';
import { identityOf, sessionArgv, sessionEnv, type SessionPaths } from './session-env.js';
import { spawnSession, type SpawnOutcome } from './spawn-session.js';

/** The `run` object of a session record: where and how the session ran. */
export interface RunFields {
  position: number;
  attempt: number;
  /** `2/3`: the shard that ran it. */
  shard: string;
  host: string;
  exit_code: number | null;
  infra_failure: boolean;
  timed_out: boolean;
  /** Where the metrics came from: `result-file`, the logs' format, or `exit-code`. */
  metrics_from?: MetricsSource;
  /** Infrastructure failures: why. */
  reason?: string;
}

/** One attempt that failed for infrastructure reasons, as `infra-failures.log` keeps it. */
export interface InfraFailure {
  session_id: string;
  variant: string;
  task_id: string;
  experiment: string;
  start_time: string;
  end_time: string;
  run: RunFields;
}

export type AttemptOutcome =
  | { kind: 'finished'; record: SessionRecord & { run: RunFields } }
  | { kind: 'infra'; failure: InfraFailure };

export interface SessionContext {
  experiment: Experiment;
  shard: Shard;
  host: string;
  /** The folder under which each session gets its own: `<out>/work`. */
  workRoot: string;
  env: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
  graceMs?: number;
}

/**
 * One attempt at a session: a fresh working directory (the task's files copied in), the command
 * run there, and the outcome told apart: finished (a success or an agent failure, with its
 * metrics) or an infrastructure failure (the command could not start, exited with one of the
 * experiment's infrastructure exit codes, timed out when timeouts count as such, or left an
 * invalid result file).
 */
export async function runAttempt(
  session: ScheduledSession,
  attempt: number,
  context: SessionContext,
): Promise<AttemptOutcome> {
  const { experiment } = context;
  // A result file of its own per attempt: a command left running by a runner killed earlier
  // must not write into a later attempt's.
  const paths = sessionPaths(context.workRoot, session, randomBytes(4).toString('hex'));
  const identity = identityOf(session, experiment.experiment, paths);
  const base = {
    session_id: session.sessionId,
    variant: session.variant.name,
    task_id: session.task.id,
    experiment: experiment.experiment,
  };
  const run = (spawned: Pick<SpawnOutcome, 'exitCode' | 'timedOut'>) => ({
    position: session.position,
    attempt,
    shard: `${context.shard.index}/${context.shard.count}`,
    host: context.host,
    exit_code: spawned.exitCode,
    timed_out: spawned.timedOut,
  });
  const infra = (spawned: SpawnOutcome, reason: string): AttemptOutcome => ({
    kind: 'infra',
    failure: {
      ...base,
      ...times(spawned),
      run: { ...run(spawned), infra_failure: true, reason },
    },
  });

  try {
    await prepare(paths, session);
  } catch (error) {
    const now = new Date();
    const failed = { exitCode: null, signal: null, timedOut: false, start: now, end: now };
    return infra(failed, `cannot prepare the working directory: ${(error as Error).message}`);
  }
  const spawned = await spawnSession({
    argv: sessionArgv(session, identity),
    env: sessionEnv(context.env, session.variant.env, identity),
    paths,
    timeoutMs: experiment.timeoutMs,
    ...(context.graceMs !== undefined && { graceMs: context.graceMs }),
    ...(context.signal && { signal: context.signal }),
  });
  if (spawned.spawnError !== undefined) {
    return infra(spawned, `cannot start ${session.variant.command[0]}: ${spawned.spawnError}`);
  }
  if (spawned.timedOut && experiment.timeoutIsInfra) return infra(spawned, 'timed out');
  if (spawned.exitCode !== null && experiment.infraExitCodes.includes(spawned.exitCode)) {
    return infra(spawned, `exit code ${spawned.exitCode}`);
  }
  const collected = spawned.timedOut
    ? ({ fields: {}, from: 'exit-code' } as const)
    : await collectMetrics(experiment, {
        identity: { ...base, session_type: undefined },
        folder: dirname(paths.workdir),
        workdir: paths.workdir,
        stdout: paths.stdout,
        resultFile: paths.result,
        start: spawned.start,
        exitCode: spawned.exitCode,
      });
  if ('problem' in collected) return infra(spawned, collected.problem);
  const record = {
    ...base,
    ...(session.task.category !== undefined && { category: session.task.category }),
    ...(session.task.difficulty !== undefined && { difficulty: session.task.difficulty }),
    success: spawned.exitCode === 0,
    completion_time_seconds: (spawned.end.getTime() - spawned.start.getTime()) / 1000,
    ...collected.fields,
    ...times(spawned),
    run: { ...run(spawned), infra_failure: false, metrics_from: collected.from },
  };
  return { kind: 'finished', record };
}

/** `<work>/<task>/<variant>-<repetition>/`: the session's command runs in its `workdir/`. */
export function sessionPaths(
  workRoot: string,
  session: ScheduledSession,
  attemptKey: string,
): SessionPaths {
  const folder = join(workRoot, session.task.id, `${session.variant.name}-${session.repetition}`);
  return {
    workdir: join(folder, 'workdir'),
    result: join(folder, `result-${attemptKey}.json`),
    stdout: join(folder, 'stdout.log'),
    stderr: join(folder, 'stderr.log'),
  };
}

/** A fresh session folder: what an earlier attempt left is removed first. */
async function prepare(paths: SessionPaths, session: ScheduledSession): Promise<void> {
  await rm(join(paths.workdir, '..'), { recursive: true, force: true });
  await mkdir(paths.workdir, { recursive: true });
  for (const file of session.task.files) {
    await cp(file, join(paths.workdir, basename(file)), { recursive: true });
  }
}

function times(spawned: Pick<SpawnOutcome, 'start' | 'end'>) {
  return { start_time: spawned.start.toISOString(), end_time: spawned.end.toISOString() };
}
