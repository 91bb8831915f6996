import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../support/run-cli.js';

const EXAMPLE = join(REPO, 'examples/warm-vs-cold');

describe('ab-verdict analyze: the per-task drill-down and the HTML report', () => {
  it('sums the tasks up by default and lists all 20 with --tasks', async () => {
    const short = await runCli(['analyze', EXAMPLE]);
    expect(short.status).toBe(0);
    expect(short.stdout).toMatch(/^tool_error_rate task by task: warm better on \d+ of 20 tasks/m);
    expect(short.stdout).toContain('(--tasks lists every task.)');
    const long = await runCli(['analyze', EXAMPLE, '--tasks']);
    expect(long.status).toBe(0);
    expect(long.stdout.match(/^ {2}(refactor|bugfix|tests|docs|deps)-0\d /gm)).toHaveLength(20);
  });

  it('--markdown has the drill-down in its details', async () => {
    const result = await runCli(['analyze', EXAMPLE, '--markdown']);
    expect(result.stdout).toMatch(/<details><summary>tool&#95;error&#95;rate per task: /);
    expect(result.stdout.match(/^\| (refactor|bugfix|tests|docs|deps)&#45;0\d \|/gm)).toHaveLength(
      20,
    );
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
