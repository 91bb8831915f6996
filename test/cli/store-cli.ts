import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, type CliResult } from '../support/run-cli.js';

/** Helpers for the tests of the local store commands, run through the committed bundle. */

export interface StoreRun {
  cwd: string;
  env?: Record<string, string | undefined>;
}

/** The environment of a CLI run: no CI marker, no store override, unless the test sets them. */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.AB_VERDICT_STORE;
  delete env.AB_VERDICT_LOCK_WAIT;
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Runs `ab-verdict <args>` in `cwd` and waits for it. */
export function store(args: string[], run: StoreRun): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: run.cwd,
    encoding: 'utf8',
    env: cliEnv(run.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 512 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `ab-verdict <args>` without waiting: for two writers at once. */
export function storeAsync(args: string[], run: StoreRun): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: run.cwd,
      env: cliEnv(run.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ab-verdict-store-'));
}

/** A session record with a few metrics. */
export function session(id: string, variant: string, fields: object = {}): object {
  return {
    session_id: id,
    variant,
    task_id: `task-${Number(id.replace(/\D/g, '')) % 7}`,
    tool_calls: 10,
    successful_tool_calls: 9,
    success: true,
    completion_time_seconds: 30,
    ...fields,
  };
}

/** The session records `export` printed, parsed. */
export function exported(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** No user mistake may end in a stack trace. */
export function noStackTrace(text: string): boolean {
  return !/\n\s+at .+:\d+:\d+/.test(text) && !text.includes('internal error');
}
