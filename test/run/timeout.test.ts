import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSession } from '../../src/run/spawn-session.js';
import { runCli } from '../support/run-cli.js';
import {
  sessionsOf,
  tasks,
  tempDir,
  testAgent,
  testAgentCommand,
  writeExperiment,
} from './support/experiments.js';

/** Whether a process runs: a zombie (ended, not yet reaped) does not. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function gone(pid: number): Promise<boolean> {
  for (let tries = 0; tries < 100 && alive(pid); tries++) {
    await new Promise((done) => setTimeout(done, 20));
  }
  return !alive(pid);
}

describe('a timeout kills the process group', () => {
  it('ends the command and what it started, and records an agent failure', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const file = writeExperiment(dir, {
      timeout: '1s',
      tasks: tasks(1),
      variants: testAgent(['--hang']),
    });
    const ran = await runCli(['run', file, '--out', out]);
    expect(ran.status, ran.stderr).toBe(0);
    for (const variant of ['cold', 'warm']) {
      const child = Number(readFileSync(join(out, 'work/t1', `${variant}-1`, 'child.pid'), 'utf8'));
      expect(await gone(child)).toBe(true);
    }
    for (const record of sessionsOf(out)) {
      expect(record.success).toBe(false);
      expect(record.run).toMatchObject({ timed_out: true, exit_code: null, infra_failure: false });
      expect(record.completion_time_seconds).toBeGreaterThanOrEqual(1);
      expect(record.completion_time_seconds).toBeLessThan(10);
    }
  });

  it('counts a timeout as an infrastructure failure when the file says so', async () => {
    const dir = tempDir();
    const file = writeExperiment(dir, {
      timeout: 0.5,
      'timeout-is-infra': true,
      tasks: tasks(1),
      variants: testAgent(['--hang']),
    });
    const ran = await runCli(['run', file, '--out', join(dir, 'out')]);
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain('(1 attempts): timed out');
  });

  it('kills with SIGKILL a group that ignores SIGTERM, after the grace time', async () => {
    const dir = tempDir();
    const workdir = join(dir, 'session', 'workdir');
    await mkdir(workdir, { recursive: true });
    const outcome = await spawnSession({
      argv: testAgentCommand(['--ignore-term', '--hang']),
      env: { ...(process.env as Record<string, string>) },
      paths: {
        workdir,
        result: join(dir, 'result.json'),
        stdout: join(dir, 'stdout.log'),
        stderr: join(dir, 'stderr.log'),
      },
      timeoutMs: 500,
      graceMs: 200,
    });
    expect(outcome).toMatchObject({ timedOut: true, exitCode: null, signal: 'SIGKILL' });
    const child = Number(readFileSync(join(dir, 'session', 'child.pid'), 'utf8'));
    expect(await gone(child)).toBe(true);
  });
});
