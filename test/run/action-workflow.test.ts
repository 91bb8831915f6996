import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { log, step, useFakeGitHub } from '../action/fixture.js';
import { workspace } from '../action/sessions.js';
import { runCli } from '../support/run-cli.js';
import { tasks, testAgent, writeExperiment } from './support/experiments.js';

const github = useFakeGitHub();

describe('the documented workflow: matrix jobs run ab-verdict run, the Action analyses and stores', () => {
  it('takes the sessions.jsonl of every shard as its results and keeps them in the store', async () => {
    const cwd = workspace();
    const file = writeExperiment(cwd, {
      experiment: 'warm-vs-cold',
      repetitions: 3,
      concurrency: 4,
      tasks: tasks(4),
      variants: testAgent(['--tool-errors', '0'], ['--tool-errors', '1']),
    });
    for (const shard of ['1/2', '2/2']) {
      const out = join(cwd, 'shards', shard[0]!);
      const ran = await runCli(['run', file, '--out', out, '--shard', shard], { cwd });
      expect(ran.status, ran.stderr).toBe(0);
    }
    const result = await step(github.fake, {
      cwd,
      inputs: { results: 'shards/*/sessions.jsonl', experiment: 'warm-vs-cold' },
    });
    expect(result.status, log(result)).toBe(0);
    expect(result.outputs['sessions-control']).toBe('12');
    expect(result.outputs['sessions-treatment']).toBe('12');
    expect(result.outputs['store-artifact-id']).not.toBe('');
    // Which verdict is the analysis' business (sequential, tuned for 400 sessions): it gave one.
    expect(result.outputs.verdict).toMatch(
      /^(adopt|reject|no-difference|inconclusive|insufficient-data)$/,
    );
  });
});
