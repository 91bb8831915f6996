import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CLI, jsonl } from '../support/run-cli.js';
import { cliEnv, session, spawnStore, store, tempDir } from './store-cli.js';

/** util-linux `script` gives the command a terminal (a pseudo-terminal) and copies what it shows. */
const HAS_SCRIPT = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;

/** What a terminal shows while `ab-verdict <args>` runs in it, stdout and stderr together. */
function onTerminal(args: string[], cwd: string, env: Record<string, string | undefined>): string {
  const command = [process.execPath, CLI, ...args].map((arg) => `'${arg}'`).join(' ');
  const result = spawnSync('script', ['-qec', `stty cols 120; ${command}`, '/dev/null'], {
    cwd,
    encoding: 'utf8',
    // The bar shows at once instead of after 1.5 s, so that small inputs show it.
    env: cliEnv({ AB_VERDICT_PROGRESS_DELAY_MS: '0', TERM: 'xterm', ...env }),
  });
  expect(result.status, result.stdout).toBe(0);
  return result.stdout;
}

function trajectories(count: number): string {
  return jsonl(
    Array.from({ length: count }, (_, index) => ({
      prompt_index: index,
      conversations: [{ from: 'human', value: `Task number ${index}` }],
      metadata: { batch_num: 0, timestamp: '2026-02-01T12:00:00.123456', model: 'hermes-4' },
      completed: true,
      partial: false,
      api_calls: 1,
    })),
  );
}

/** A folder with the input files and an empty experiment (created in-process). */
async function setUp(): Promise<string> {
  const cwd = tempDir();
  writeFileSync(join(cwd, 'trajectories.jsonl'), trajectories(2000));
  writeFileSync(
    join(cwd, 'results.jsonl'),
    jsonl(Array.from({ length: 200 }, (_, i) => session(`s${i}`, i % 2 ? 'warm' : 'cold'))),
  );
  expect((await store(['create', 'p', '--description', 'progress'], { cwd })).status).toBe(0);
  return cwd;
}

const BATCH = ['add', 'p', '--from', 'hermes-batch', 'trajectories.jsonl', '--variant', 'warm'];

describe('the progress bar', () => {
  let cwd: string;
  beforeEach(async () => {
    cwd = await setUp();
  });

  it('stays off when stderr is no terminal (pipes, files)', () => {
    const result = spawnStore(BATCH, { cwd, env: { AB_VERDICT_PROGRESS_DELAY_MS: '0' } });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it.skipIf(!HAS_SCRIPT)('shows on a terminal: what is read, sessions, rate; then clears', () => {
    const shown = onTerminal(BATCH, cwd, { CI: undefined });
    expect(shown).toMatch(
      /\rReading trajectories\.jsonl {2}\[#*\.*\] {2}\d+% {2}[\d,]+ sessions {2}[\d,.]+\/s/,
    );
    expect(shown).toContain('\r\x1b[K'); // cleared before the summary
    expect(shown).toContain('Read 2,000 sessions: 2,000 new ones.');
    const files = onTerminal(['add', 'p', 'results.jsonl'], cwd, { CI: undefined });
    expect(files).toMatch(/\rReading results\.jsonl {2}\[#{20}\] {2}100% {2}200 sessions/);
  });

  it.skipIf(!HAS_SCRIPT)('is silent with --quiet, and in CI', () => {
    const quiet = onTerminal([...BATCH, '--quiet'], cwd, { CI: undefined });
    expect(quiet).not.toContain('Reading');
    expect(quiet).toContain('Read 2,000 sessions: 2,000 new ones.');
    for (const ci of ['true', '1']) {
      const inCi = onTerminal(['add', 'p', 'results.jsonl'], cwd, { CI: ci });
      expect(inCi).not.toContain('Reading');
      expect(inCi).not.toContain('\x1b[K');
    }
    // CI=false is not CI.
    expect(onTerminal(['add', 'p', 'results.jsonl', '-q'], cwd, { CI: 'false' })).not.toContain(
      'Reading',
    );
    expect(onTerminal(['add', 'p', 'results.jsonl'], cwd, { CI: 'false' })).toContain('Reading');
  });
});
