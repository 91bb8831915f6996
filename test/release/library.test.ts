import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempFiles } from '../support/run-cli.js';

/** The block after the marker in docs/library.md, as a reader copies it. */
function example(): string {
  const doc = readFileSync(join(REPO, 'docs/library.md'), 'utf8');
  const after = doc.slice(doc.indexOf('<!-- library example:'));
  const block = /```js\n([\s\S]*?)```/.exec(after);
  expect(block, 'the example block of docs/library.md').not.toBeNull();
  return block![1]!;
}

describe('the library API (docs/library.md)', () => {
  it("the documented example runs as written, importing from the package's entry", () => {
    // A project with ab-verdict installed: node_modules/ab-verdict is this repository, so the
    // import goes through package.json's `exports` to the committed dist/lib.js.
    const project = tempFiles({ 'example.mjs': example() });
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(REPO, join(project, 'node_modules/ab-verdict'), 'junction');
    cpSync(join(REPO, 'examples/warm-vs-cold'), join(project, 'examples/warm-vs-cold'), {
      recursive: true,
    });
    const run = spawnSync(process.execPath, ['example.mjs'], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('adopt warm\n');
    expect(readFileSync(join(project, 'report.md'), 'utf8')).toMatch(/^### ✅ Adopt: warm/);
    expect(readFileSync(join(project, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('package.json points its entry at the bundle and its types, and they exist', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      exports: { '.': { types: string; import: string } };
      bin: Record<string, string>;
    };
    for (const file of [pkg.exports['.'].types, pkg.exports['.'].import, pkg.bin['ab-verdict']!]) {
      expect(existsSync(join(REPO, file)), file).toBe(true);
    }
    const types = readFileSync(join(REPO, pkg.exports['.'].types), 'utf8');
    for (const name of [
      'analyze',
      'readSessions',
      'renderMarkdown',
      'renderHtml',
      'reportSchema',
    ]) {
      expect(types).toMatch(new RegExp(`\\b${name}\\b`));
    }
  });
});
