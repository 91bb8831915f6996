import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultsSoFar } from '../../src/run/results-file.js';
import { CLI, runCli } from '../support/run-cli.js';
import {
  runInProcess,
  sessionsOf,
  tasks,
  tempDir,
  testAgent,
  writeExperiment,
} from './support/experiments.js';

/** Resolves once the file has at least `lines` lines. */
async function waitForLines(file: string, lines: number): Promise<void> {
  for (;;) {
    if (existsSync(file) && readFileSync(file, 'utf8').split('\n').length - 1 >= lines) return;
    await new Promise((done) => setTimeout(done, 20));
  }
}

describe('kill -9 in the middle then the same command again gives every session exactly once', () => {
  it('resumes where the killed runner stopped', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const file = writeExperiment(dir, {
      repetitions: 3,
      concurrency: 2,
      tasks: tasks(4),
      variants: testAgent(['--sleep', '0.15', '--result', '{"success":true,"tool_calls":2}']),
    });
    const runner = spawn(process.execPath, [CLI, 'run', file, '--out', out], { stdio: 'ignore' });
    const exited = new Promise((done) => runner.once('exit', done));
    await waitForLines(join(out, 'sessions.jsonl'), 5);
    runner.kill('SIGKILL');
    await exited;
    const before = sessionsOf(out).length;
    expect(before).toBeGreaterThanOrEqual(5);
    expect(before).toBeLessThan(24);

    const again = await runCli(['run', file, '--out', out]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(`24 of 24 sessions finished (${before} in earlier runs)`);
    const ids = sessionsOf(out).map((record) => record.session_id);
    expect(ids).toHaveLength(24);
    expect(new Set(ids).size).toBe(24);

    // Once more: nothing left to run, nothing added.
    const third = await runCli(['run', file, '--out', out]);
    expect(third.status).toBe(0);
    expect(sessionsOf(out)).toHaveLength(24);
  });

  it('drops a last line cut short by a crash, and keeps a whole one missing its line end', async () => {
    const dir = tempDir();
    const file = join(dir, 'sessions.jsonl');
    const whole = { session_id: 'a', variant: 'cold', task_id: 't' };
    writeFileSync(file, JSON.stringify(whole) + '\n' + '{"session_id":"b","vari');
    const soFar = await readResultsSoFar(file);
    expect([...soFar.finished.keys()]).toEqual(['a']);
    expect(soFar.droppedTail).toBe('{"session_id":"b","vari');
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(whole) + '\n');

    appendFileSync(file, JSON.stringify({ ...whole, session_id: 'c' }));
    const next = await readResultsSoFar(file);
    expect([...next.finished.keys()]).toEqual(['a', 'c']);
    expect(next.droppedTail).toBeUndefined();
    expect(readFileSync(file, 'utf8').endsWith('}\n')).toBe(true);
  });

  it('refuses a results file with an invalid line in the middle, naming it', async () => {
    const dir = tempDir();
    const file = writeExperiment(dir, { tasks: tasks(1), variants: testAgent(['--exit', '0']) });
    writeFileSync(join(dir, 'sessions.jsonl'), '{"session_id":"x"}\nnot json\n');
    writeFileSync(join(dir, 'run.json'), JSON.stringify({ experiment: 'test', seed: 1 }));
    const ran = await runInProcess([file, '--out', dir]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/sessions\.jsonl:1: variant: /);
    expect(ran.stderr).toMatch(/sessions\.jsonl:2:/);
    expect(ran.stderr).toContain('cannot be resumed');
  });

  it('refuses to resume a folder of another seed', async () => {
    const dir = tempDir();
    const file = writeExperiment(dir, { tasks: tasks(1), variants: testAgent(['--exit', '0']) });
    expect((await runInProcess([file, '--out', `${dir}/out`])).code).toBe(0);
    const other = await runInProcess([file, '--out', `${dir}/out`, '--seed', '2']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('holds the run of experiment "test" with seed 1');
    expect(sessionsOf(`${dir}/out`)).toHaveLength(2);
  });
});
