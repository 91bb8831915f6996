import { spawn } from 'node:child_process';
import { open } from 'node:fs/promises';
import type { SessionPaths } from './session-env.js';

export interface SpawnOptions {
  argv: string[];
  env: Record<string, string>;
  paths: SessionPaths;
  timeoutMs: number;
  /** After SIGTERM at the timeout, how long the process group has before SIGKILL. */
  graceMs?: number;
  /** Aborting (the runner is stopped) kills the process group at once. */
  signal?: AbortSignal;
}

export interface SpawnOutcome {
  /** The exit code, or null when a signal ended the process or it never started. */
  exitCode: number | null;
  /** The signal that ended the process, if one did. */
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** Why the command could not be started (`ENOENT`, `EACCES`, …). */
  spawnError?: string;
  start: Date;
  end: Date;
}

const GRACE_MS = 5000;

/**
 * Runs one command without a shell, in its own process group (so that everything it starts can
 * be stopped together), its output appended to the session's log files and its input empty. At
 * the timeout the whole group gets SIGTERM, then SIGKILL after the grace time; when the command
 * ends, whatever it left running in its group is killed too, so no session outlives its turn.
 */
export async function spawnSession(options: SpawnOptions): Promise<SpawnOutcome> {
  const stdout = await open(options.paths.stdout, 'a');
  const stderr = await open(options.paths.stderr, 'a');
  const start = new Date();
  try {
    return await new Promise<SpawnOutcome>((settle) => {
      const [program, ...args] = options.argv as [string, ...string[]];
      const child = spawn(program, args, {
        cwd: options.paths.workdir,
        env: options.env,
        stdio: ['ignore', stdout.fd, stderr.fd],
        detached: true,
        shell: false,
      });
      let timedOut = false;
      let killTimer: NodeJS.Timeout | undefined;
      const killGroup = (signal: NodeJS.Signals) => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, signal);
        } catch {
          // ESRCH: the group is gone already.
        }
      };
      const onAbort = () => killGroup('SIGKILL');
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup('SIGTERM');
        killTimer = setTimeout(() => killGroup('SIGKILL'), options.graceMs ?? GRACE_MS);
      }, options.timeoutMs);
      const done = (outcome: Omit<SpawnOutcome, 'start' | 'end' | 'timedOut'>) => {
        clearTimeout(timer);
        clearTimeout(killTimer);
        options.signal?.removeEventListener('abort', onAbort);
        killGroup('SIGKILL');
        settle({ ...outcome, timedOut, start, end: new Date() });
      };
      child.once('error', (error: NodeJS.ErrnoException) => {
        if (child.pid === undefined) {
          done({ exitCode: null, signal: null, spawnError: error.code ?? error.message });
        }
      });
      child.once('exit', (exitCode, signal) => done({ exitCode, signal }));
    });
  } finally {
    await stdout.close();
    await stderr.close();
  }
}
