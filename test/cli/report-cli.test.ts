import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../support/run-cli.js';

const EXAMPLE = join(REPO, 'examples/warm-vs-cold');

/**
 * The drill-down summed up in the terminal and in the Markdown's details is checked on the same
 * runs as the rest of those outputs, in analyze-cli.test.ts.
 */
describe('ab-verdict analyze: the per-task drill-down and the HTML report', () => {
  it('lists all 20 tasks with --tasks', async () => {
    const long = await runCli(['analyze', EXAMPLE, '--tasks']);
    expect(long.status).toBe(0);
    expect(long.stdout.match(/^ {2}(refactor|bugfix|tests|docs|deps)-0\d /gm)).toHaveLength(20);
  });

  it('--html writes the page and prints the report as usual', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ab-verdict-html-')), 'report.html');
    const result = await runCli(['analyze', EXAMPLE, '--html', file, '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).tasks.counts.paired).toBe(20);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<svg id="forest-plot"');
    expect(
      html.match(/<tr[^>]*><td data-value="(refactor|bugfix|tests|docs|deps)-0\d">/g),
    ).toHaveLength(20);
  });

  it('--html into a folder that does not exist is a usage error naming the file', async () => {
    const cold = join(EXAMPLE, 'cold.jsonl'); // enough to analyse: the HTML is what fails
    const result = await runCli(['analyze', cold, '--html', '/nonexistent-dir/report.html']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--html: cannot write "/nonexistent-dir/report.html" (ENOENT)');
  });
});
