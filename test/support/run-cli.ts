import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

/** The committed bundle: the spawning tests run what users run. */
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
export const REPO = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Default: the repository's root. */
  cwd?: string;
  /** Set (or, when undefined, removed) over the environment `cliEnv` gives. */
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

/**
 * Runs `ab-verdict <args>` in this process (the CLI's `main`, from src/): the same commands,
 * output and exit code as the bundle, without starting a process. Use `spawnCli` where only a
 * real process proves the point (the bundle, its exit code, signals, terminals, worker threads).
 */
export async function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, {
    cwd: options.cwd ?? REPO,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: cliEnv(options.env),
    // Not a terminal: no progress bar, and `delete` cannot ask.
    terminal: { write: () => true, isTTY: false },
    confirm: () => undefined,
  });
  return { status, stdout, stderr };
}

/** Runs the committed bundle `dist/cli.js` in a child process and waits for it. */
export function spawnCli(
  args: string[],
  options: CliOptions & { node?: string; cli?: string } = {},
): CliResult {
  const result = spawnSync(options.node ?? process.execPath, [options.cli ?? CLI, ...args], {
    cwd: options.cwd ?? REPO,
    encoding: 'utf8',
    env: cliEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 512 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder with the given files written into it. */
export function tempFiles(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ab-verdict-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

export function jsonl(records: object[]): string {
  return records.map((record) => JSON.stringify(record)).join('\n') + '\n';
}
