import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { main } from '../../../src/cli/main.js';
import type { StoreIO } from '../../../src/cli/store-command.js';
import type { SessionRecord } from '../../../src/records/types.js';
import type { RunFields } from '../../../src/run/run-session.js';

export const EXAMPLE = fileURLToPath(new URL('../../../examples/run/', import.meta.url));
export const TEST_AGENT = fileURLToPath(new URL('./test-agent.sh', import.meta.url));
export const PROBE_AGENT = fileURLToPath(new URL('./probe-agent.mjs', import.meta.url));

/** A temporary folder for one test. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ab-verdict-run-'));
}

/** `count` tasks named t1, t2, … */
export function tasks(count: number): { id: string; prompt: string }[] {
  return Array.from({ length: count }, (_, i) => ({ id: `t${i + 1}`, prompt: `Task ${i + 1}` }));
}

/** The command of the test agent with these flags (test-agent.sh lists them). */
export function testAgentCommand(flags: string[]): string[] {
  return ['sh', TEST_AGENT, ...flags];
}

/** Both variants running the test agent with these flags (the treatment's may differ). */
export function testAgent(cold: string[], warm: string[] = cold) {
  return {
    cold: { command: testAgentCommand(cold) },
    warm: { command: testAgentCommand(warm) },
  };
}

/** Writes an experiment file (YAML) into `dir`; returns its path. */
export function writeExperiment(dir: string, experiment: Record<string, unknown>): string {
  const file = join(dir, 'experiment.yml');
  writeFileSync(file, stringify({ experiment: 'test', seed: 1, ...experiment }));
  return file;
}

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** `ab-verdict run` in this process (the sessions are real processes), outside any terminal. */
export async function runInProcess(args: string[], io: Partial<StoreIO> = {}): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const code = await main(['run', ...args], {
    cwd: process.cwd(),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: { ...process.env, CI: 'true' },
    terminal: { write: () => true, isTTY: false },
    ...io,
  } as StoreIO);
  return { code, stdout, stderr };
}

/** A line of sessions.jsonl. */
export type SessionLine = SessionRecord & { run: RunFields };

/** The records of a results folder's sessions.jsonl. */
export function sessionsOf(out: string): SessionLine[] {
  return jsonLines<SessionLine>(join(out, 'sessions.jsonl'));
}

/** The values of a JSON Lines file. */
export function jsonLines<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
}
