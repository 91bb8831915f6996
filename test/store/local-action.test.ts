import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { step, log, useFakeGitHub } from '../action/fixture.js';
import { jsonl, sessions, workspace } from '../action/sessions.js';
import { storeSnapshots } from '../action/store-contents.js';
import { zipOf } from '../support/fake-github/index.js';
import { runCli } from '../support/run-cli.js';

/** The local store and the Action keep one format: a store moves between them, fields and all. */

const github = useFakeGitHub();

const DESCRIBED = [
  'create',
  'exp',
  '--description',
  'Warm vs cold, nightly',
  '--prompt',
  'Fix the flaky test',
  '--category',
  'tests',
  '--difficulty',
  'medium',
];

async function cliIn(cwd: string, ...args: string[]) {
  const result = await runCli([...args, '--store', '.ab-store'], { cwd });
  expect(result.status, result.stderr).toBe(0);
  return result;
}

describe('a local store and the Action', () => {
  it('share a dir store: the Action merges into what the CLI made, keeping its fields', async () => {
    const cwd = workspace({
      'cli.jsonl': jsonl(sessions({ prefix: 'cli', perArm: 2 })),
      'results/results.jsonl': jsonl(sessions({ prefix: 'run', perArm: 3 })),
    });
    await cliIn(cwd, ...DESCRIBED);
    await cliIn(cwd, 'add', 'exp', 'cli.jsonl');
    const run = await step(github.fake, { cwd, inputs: { store: 'dir:.ab-store' } });
    expect(run.status, log(run)).toBe(0);
    expect(run.outputs['sessions-control']).toBe('5');
    const manifest = JSON.parse(
      readFileSync(join(cwd, '.ab-store', 'exp', 'manifest.json'), 'utf8'),
    );
    expect(manifest).toMatchObject({
      description: 'Warm vs cold, nightly',
      prompt: 'Fix the flaky test',
      category: 'tests',
      difficulty: 'medium',
      sessions: 10,
    });
    expect(manifest.history).toHaveLength(1);
    // And the CLI reads what the Action wrote.
    expect((await cliIn(cwd, 'show', 'exp')).stdout).toMatch(/^cold \(control\) +5 /m);
  });

  it('a folder store copied into an artifact keeps its fields through the next run', async () => {
    const cwd = workspace({
      'cli.jsonl': jsonl(sessions({ prefix: 'cli', perArm: 2, experiment: 'exp' })),
    });
    await cliIn(cwd, ...DESCRIBED);
    await cliIn(cwd, 'add', 'exp', 'cli.jsonl');
    const folder = join(cwd, '.ab-store', 'exp');
    await github.fake.state.seedArtifact({
      name: 'ab-verdict-exp',
      runId: 4000,
      zipBytes: await zipOf({
        'manifest.json': readFileSync(join(folder, 'manifest.json')),
        'sessions.jsonl': readFileSync(join(folder, 'sessions.jsonl')),
      }),
      createdAt: new Date(Date.now() - 3600_000),
    });
    const run = await step(github.fake, { records: sessions({ prefix: 'run', perArm: 3 }) });
    expect(run.status, log(run)).toBe(0);
    const [newest] = await storeSnapshots(github.fake, 'exp');
    expect(newest?.sessionIds).toHaveLength(10);
    expect(newest?.manifest).toMatchObject({
      description: 'Warm vs cold, nightly',
      prompt: 'Fix the flaky test',
      category: 'tests',
      difficulty: 'medium',
    });
  });
});
