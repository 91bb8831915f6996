import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, cliEnv, jsonl, runCli, spawnCli, type CliResult } from '../support/run-cli.js';

export { cliEnv };

/**
 * Helpers for the tests of the local store commands: `store` runs a command in this process,
 * `spawnStore` and `storeAsync` run the committed bundle where a real process is the point
 * (writers at once, a killed writer).
 */

export interface StoreRun {
  cwd: string;
  env?: Record<string, string | undefined>;
}

/** Runs `ab-verdict <args>` in `cwd`, in this process. */
export function store(args: string[], run: StoreRun): Promise<CliResult> {
  return runCli(args, run);
}

/** Runs `ab-verdict <args>` in `cwd` in a child process (the bundle) and waits for it. */
export function spawnStore(args: string[], run: StoreRun): CliResult {
  return spawnCli(args, run);
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

/** A folder with a store holding experiment `e` (cold 1, warm 1). */
export async function withExperiment(): Promise<string> {
  const cwd = tempDir();
  expect((await store(['create', 'e', '--description', 'an experiment'], { cwd })).status).toBe(0);
  writeFileSync(join(cwd, 'two.jsonl'), jsonl([session('s1', 'cold'), session('s2', 'warm')]));
  expect((await store(['add', 'e', 'two.jsonl'], { cwd })).status).toBe(0);
  return cwd;
}
