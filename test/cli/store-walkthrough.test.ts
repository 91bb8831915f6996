import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, REPO } from '../support/run-cli.js';
import { cliEnv, exported, noStackTrace, tempDir } from './store-cli.js';

/** The shell block after the `<!-- walkthrough` comment of docs/store.md, one command a line. */
function walkthrough(): string[] {
  const readme = readFileSync(join(REPO, 'docs/store.md'), 'utf8');
  const block = /<!-- walkthrough[^>]*-->\s*```sh\n([\s\S]*?)```/.exec(readme);
  expect(block, 'docs/store.md has a walkthrough block').not.toBeNull();
  return block![1]!
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** The `text` blocks after the walkthrough: what `list` and `show` print. */
function shownOutputs(): string[] {
  const readme = readFileSync(join(REPO, 'docs/store.md'), 'utf8');
  const after = readme.slice(readme.indexOf('<!-- walkthrough'));
  return [...after.matchAll(/```text\n([\s\S]*?)```/g)].slice(0, 2).map((match) => match[1]!);
}

function withoutTimes(text: string): string {
  return text
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, '<time>')
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d/g, '<time>')
    .trim();
}

describe('the walkthrough of the local store (docs/store.md)', () => {
  it('runs as written, from a copy of the files it names, with ab-verdict on the PATH', () => {
    const lines = walkthrough();
    expect(lines.length).toBeGreaterThanOrEqual(10);
    // The files the commands name, at the same paths as in a clone.
    const cwd = tempDir();
    for (const line of lines) {
      for (const path of line.match(/(?:examples|test)\/[\w./-]+\.jsonl?/g) ?? []) {
        mkdirSync(join(cwd, path, '..'), { recursive: true });
        cpSync(join(REPO, path), join(cwd, path));
      }
    }
    // `npm link` puts the bundle on the PATH as ab-verdict; a shim does the same here.
    const bin = join(cwd, '.bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'ab-verdict'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(join(bin, 'ab-verdict'), 0o755);
    const env = cliEnv({ PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` });

    const outputs = new Map<string, string>();
    for (const line of lines) {
      expect(line.startsWith('ab-verdict '), line).toBe(true);
      const result = spawnSync('sh', ['-c', line], { cwd, env, encoding: 'utf8' });
      expect(result.status, `${line}\n${result.stderr}`).toBe(0);
      expect(noStackTrace(result.stderr), result.stderr).toBe(true);
      outputs.set(line.split(' ').slice(1, 3).join(' '), result.stdout);
    }

    expect(outputs.get('create warm-vs-cold')).toContain('Created experiment "warm-vs-cold"');
    expect(outputs.get('add warm-vs-cold')).toContain('Read 120 sessions: 120 new ones.');
    expect(outputs.get('import test/fixtures/records/seed/warm_vs_cold_001.json')).toContain(
      'into new experiment "warm_vs_cold_001": 5 new sessions',
    );
    const list = outputs.get('list') ?? '';
    expect(list).toMatch(
      /^warm-vs-cold +Warm sessions seeded with context vs cold starts +cold 61, warm 61 +.* adopt warm$/m,
    );
    expect(list).toMatch(
      /^warm_vs_cold_001 +Fix the login redirect loop +cold 3, warm 1, warm-v2 1 /m,
    );
    const show = outputs.get('show warm-vs-cold') ?? '';
    expect(show).toMatch(/^cold \(control\) +61 +21 +67% \(41\/61\) +0\.117 \(223\/1904 calls\)/m);
    expect(show).toMatch(
      /^warm \(treatment\) +61 +21 +84% \(51\/61\) +0\.0601 \(113\/1880 calls\)/m,
    );
    expect(outputs.get('analyze warm-vs-cold')).toMatch(
      /^ADOPT warm: warm lowers tool_error_rate/m,
    );
    expect(exported(readFileSync(join(cwd, 'warm-vs-cold.jsonl'), 'utf8'))).toHaveLength(122);
    expect(outputs.get('delete warm-vs-cold')).toBe(
      'Deleted experiment "warm-vs-cold" (122 sessions) from .ab-verdict.\n',
    );
    expect(readdirSync(join(cwd, '.ab-verdict'))).toEqual([]);

    // The outputs the README shows after the block are those of these commands, but for the times.
    const [listShown, showShown] = shownOutputs();
    expect(withoutTimes(list)).toBe(withoutTimes(listShown ?? ''));
    expect(withoutTimes(show)).toBe(withoutTimes(showShown ?? ''));
  });
});
