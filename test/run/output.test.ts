import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import {
  runInProcess,
  sessionsOf,
  tasks,
  tempDir,
  testAgent,
  writeExperiment,
} from './support/experiments.js';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd: process.cwd(),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

describe('sessions.jsonl is valid input for analyze and add as it is', () => {
  it('holds the fields of the interface, and analyze and add take it', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const file = writeExperiment(dir, {
      experiment: 'warm-vs-cold',
      repetitions: 2,
      concurrency: 4,
      tasks: tasks(4).map((task) => ({ ...task, category: 'bugfix' })),
      variants: testAgent(['--tool-errors', '0'], ['--tool-errors', '1']),
    });
    const ran = await runInProcess([file, '--out', out]);
    expect(ran.code, ran.stderr).toBe(0);
    const records = sessionsOf(out);
    expect(records).toHaveLength(16);
    for (const record of records) {
      expect(Object.keys(record)).toEqual(
        expect.arrayContaining([
          'session_id',
          'variant',
          'task_id',
          'experiment',
          'start_time',
          'end_time',
          'completion_time_seconds',
          'success',
          'tool_calls',
          'category',
          'run',
        ]),
      );
      expect(Object.keys(record.run)).toEqual(
        expect.arrayContaining([
          'position',
          'attempt',
          'shard',
          'host',
          'exit_code',
          'infra_failure',
        ]),
      );
      expect(record.experiment).toBe('warm-vs-cold');
    }
    // The run printed the verdict of the fixed-horizon analysis of these sessions.
    expect(ran.stdout).toContain('warm-vs-cold: warm vs cold · 8 vs 8 sessions');

    const analysed = await cli(['analyze', join(out, 'sessions.jsonl'), '--json']);
    expect(analysed.code, analysed.stderr).toBe(0);
    expect(JSON.parse(analysed.stdout).sessions).toEqual({ cold: 8, warm: 8 });

    const store = join(dir, 'store');
    const created = await cli(['create', 'warm-vs-cold', '--description', 'd', '--store', store]);
    expect(created.code, created.stderr).toBe(0);
    const added = await cli(['add', 'warm-vs-cold', join(out, 'sessions.jsonl'), '--store', store]);
    expect(added.code, added.stderr).toBe(0);
    const exported = await cli(['export', 'warm-vs-cold', '--store', store]);
    expect(exported.stdout.trim().split('\n')).toHaveLength(16);
  });
});

describe('progress: a bar with ETA on a terminal, plain lines in CI logs', () => {
  /** 4 sessions, one at a time, running the test agent with these flags. */
  const experiment = (flags: string[]) => {
    const dir = tempDir();
    const file = writeExperiment(dir, { tasks: tasks(2), variants: testAgent(flags) });
    return { file, out: join(dir, 'out') };
  };

  it('prints one line per finished session where no terminal is', async () => {
    const { file, out } = experiment(['--result', '{"success":true}']);
    const ran = await runInProcess([file, '--out', out]);
    const lines = ran.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^\[1\/4\] t[12] (cold|warm) #1: (success|failure) in \d+\.\ds$/);
    expect(lines[3]).toMatch(/^\[4\/4\] /);
  });

  it('draws a bar on a terminal outside CI', async () => {
    // Sessions longer than the bar's redraw interval (100 ms): it is drawn after each one.
    const { file, out } = experiment(['--sleep', '0.15', '--result', '{"success":true}']);
    let drawn = '';
    const ran = await runInProcess([file, '--out', out], {
      env: { ...process.env, CI: '', AB_VERDICT_PROGRESS_DELAY_MS: '0' },
      terminal: { write: (text: string) => (drawn += text), isTTY: true, columns: 120 },
    });
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe('');
    expect(drawn).toMatch(/Running test +\[#+\.*\] +\d+%/);
    expect(drawn).toMatch(/4 sessions/);
    expect(drawn).toMatch(/\d+s left/);
  });
});
