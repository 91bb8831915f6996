import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../support/run-cli.js';
import { sessionsOf, tempDir } from './support/experiments.js';

/** The command under the README's `<!-- quick start run -->` marker, without its `npm ci &&`. */
function quickStartRun(): string {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const block = /<!-- quick start run[^>]*-->\s*```sh\n(.*)\n```/.exec(readme);
  expect(block, 'README.md has the quick start run block').not.toBeNull();
  return block![1]!.replace(/^npm ci && /, '');
}

describe("the README's quick start runs the example experiment end to end", () => {
  it('runs every session of the example and prints the verdict', () => {
    const command = quickStartRun();
    expect(command).toBe('node dist/cli.js run examples/run/experiment.yml --out example-run');
    // A copy of what the command needs, as in a clone: the bundle and the example.
    const cwd = tempDir();
    mkdirSync(join(cwd, 'examples'));
    cpSync(join(REPO, 'dist'), join(cwd, 'dist'), { recursive: true });
    cpSync(join(REPO, 'examples/run'), join(cwd, 'examples/run'), { recursive: true });
    const result = spawnSync('sh', ['-c', command], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'warm-vs-cold-example, seed 7: 80 of 80 sessions finished, 0 lost to infrastructure failures.',
    );
    expect(result.stdout).toMatch(/ADOPT warm: warm lowers tool_error_rate by \d+%/);
    expect(sessionsOf(join(cwd, 'example-run'))).toHaveLength(80);
  });
});

describe("the README's first command prints what the README shows", () => {
  it('node dist/cli.js analyze examples/warm-vs-cold', async () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    expect(readme).toContain(
      '```sh\nnpm ci && node dist/cli.js analyze examples/warm-vs-cold\n```',
    );
    const shown = /<!-- quick start output[^>]*-->\s*```text\n([\s\S]*?)```/.exec(readme);
    expect(shown, 'README.md shows the output').not.toBeNull();
    const result = await runCli(['analyze', 'examples/warm-vs-cold']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(shown![1]);
  });
});
