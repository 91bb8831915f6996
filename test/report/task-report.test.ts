import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { buildComment } from '../../src/report/comment.js';
import { renderHtml } from '../../src/report/html/html-report.js';
import { intervalBars } from '../../src/report/interval-bars.js';
import { COMMENT_LIMIT_CHARACTERS, countCharacters } from '../../src/report/limits.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTerminal } from '../../src/report/terminal.js';
import type { HistoryPoint } from '../../src/report/view.js';
import { carriedByOneTask, CONFIG, INPUT, pairedRuns, tableOf } from '../support/task-sessions.js';
import { realReport, viewOf } from './report-fixture.js';

/**
 * `tasks` tasks with long names, each run three times per arm, warm a little better on most. With
 * 500 tasks that is more sessions than PERMUTATION_UNITS, as in the large experiments that have so
 * many tasks: analysed with t references in a blink, where permutations would take seconds.
 */
function manyTasks(tasks: number) {
  return analyze(
    tableOf(
      pairedRuns(
        Array.from({ length: tasks }, (_, i) => ({
          task: `a-rather-long-task-name-from-a-benchmark-suite/${String(i).padStart(4, '0')}`,
          cold: { sessions: 3, solved: i % 3 === 0 ? 1 : 2, failed: 20 + (i % 7) },
          warm: { sessions: 3, solved: 2, failed: 16 + (i % 5), category: `group-${i % 9}` },
        })),
      ),
    ),
    CONFIG,
    INPUT,
  );
}

describe('the per-task drill-down in the Markdown report', () => {
  it('keeps the PR comment under GitHub limit with 500 tasks, trimmed with a note pointing to the full report', () => {
    const report = manyTasks(500);
    const comment = buildComment(
      viewOf(report, {
        fullReport: 'in report.html and report.md of the artifact ab-verdict-report-exp',
      }),
    );
    expect(countCharacters(comment)).toBeLessThanOrEqual(COMMENT_LIMIT_CHARACTERS);
    const listed = comment.match(/^\| a&#45;rather&#45;long/gm) ?? [];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThan(500);
    expect(comment).toContain(
      `The ${listed.length} most influential of 500 tasks; all are in the full report &#40;in report.html and report.md of the artifact ab&#45;verdict&#45;report&#45;exp&#41;.`,
    );
    // The whole Markdown (the CLI's --markdown, the report.md file) lists every task.
    expect(renderMarkdown(report).match(/^\| a&#45;rather&#45;long/gm)).toHaveLength(500);
  });

  it('names flipped and flaky tasks and says when the verdict rests on one task', () => {
    const markdown = renderMarkdown(analyze(carriedByOneTask(), CONFIG, INPUT));
    expect(markdown).toContain(
      '> [!WARNING]\n> The verdict rests on task task&#45;4&#58; without its 12 sessions it would be no difference.',
    );
    const flips = renderMarkdown(
      analyze(
        tableOf(
          pairedRuns([
            { task: 'always-warm', cold: { solved: 0 }, warm: { solved: 4 } },
            { task: 'half-cold', cold: { solved: 2 }, warm: { solved: 4 } },
            { task: 'steady', cold: { solved: 4 }, warm: { solved: 4 } },
          ]),
        ),
        CONFIG,
        INPUT,
      ),
    );
    expect(flips).toMatch(/^\| always&#45;warm \|.*\| 0\/4 \| 4\/4 \| flipped to warm \|$/m);
    expect(flips).toMatch(/^\| half&#45;cold \|.*\| 2\/4 \| 4\/4 \| flaky in cold \|$/m);
    expect(flips).toContain('pass@\u200b4');
  });

  it('draws every metric interval beside the table, in a code block nothing can end', () => {
    const report = realReport(30);
    report.metrics[1]!.name = 'evil```\n<b>name';
    const lines = intervalBars(report, report.metrics);
    expect(lines[0]).toBe('```text');
    expect(lines[lines.length - 1]).toBe('```');
    const inner = lines.slice(1, -1).join('\n');
    expect(inner).not.toContain('```');
    expect(inner).toContain('evilbname');
    // One line per metric with a relative change, each with its estimate and zero marked.
    const rows = lines.slice(2, -2);
    expect(rows).toHaveLength(report.metrics.filter((m) => m.relative.estimate !== null).length);
    for (const row of rows) expect(row).toMatch(/●/);
    expect(renderMarkdown(report)).toContain(lines.join('\n'));
  });
});

describe('the per-task drill-down in the terminal', () => {
  it('sums the tasks up, and lists each with --tasks', () => {
    const report = analyze(carriedByOneTask(), CONFIG, INPUT);
    const short = renderTerminal(report);
    expect(short).toContain(
      'tool_error_rate task by task: warm better on 3 of 5 tasks, worse on 2',
    );
    expect(short).toContain('warning: The verdict rests on task task-4');
    expect(short).not.toMatch(/^ {2}task-0 /m);
    const long = renderTerminal(report, { tasks: true });
    for (let i = 0; i < 5; i++) {
      const sessions = i === 4 ? 6 : 2;
      expect(long).toMatch(new RegExp(`^  task-${i} +${sessions}/${sessions} `, 'm'));
    }
  });
});

describe('the HTML report', () => {
  const history: HistoryPoint[] = [0.1, 0.2, 0.3].map((share, i) => ({
    runId: 100 + i,
    attempt: 1,
    sha: null,
    time: `2025-03-0${i + 1}T00:00:00.000Z`,
    sessions: { control: 10 * (i + 1), treatment: 10 * (i + 1) },
    verdict: 'inconclusive',
    lift: { estimate: -share, ci: [-share - 0.2, -share + 0.2] },
    method: 'sequential',
  }));

  it('is one page that loads nothing: no URL, only its own hashed script', () => {
    const html = renderHtml(viewOf(realReport(30), { history }));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("default-src 'none'");
    expect(html).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).not.toMatch(/https?:\/\//);
    for (const id of ['verdict', 'forest-plot', 'lift-chart', 'task-table', 'method']) {
      expect(html).toContain(`id="${id}"`);
    }
  });

  it('draws the lift over the looks only with two looks or more', () => {
    const report = realReport(30);
    expect(renderHtml(viewOf(report, { history: history.slice(0, 1) }))).not.toContain(
      'id="lift-chart"',
    );
    expect(renderHtml(viewOf(report, { history: [] }))).toContain('No history yet');
  });

  it('escapes markup from result files', () => {
    const report = analyze(
      tableOf(
        pairedRuns([
          { task: '<img src=x onerror=alert(1)>', cold: {}, warm: {} },
          { task: 'b', cold: {}, warm: {} },
        ]),
      ),
      { ...CONFIG, control: 'cold', treatment: 'warm' },
      INPUT,
    );
    const html = renderHtml(viewOf(report));
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });
});
