import { formatNumber } from '../analysis/format-number.js';
import type { Report, TaskRow } from '../analysis/report-types.js';
import { escapeClamped } from './escape.js';
import {
  outcomeMark,
  passAtKSentence,
  robustnessSentence,
  rowNote,
  solvedText,
  tasksHeadline,
} from './task-text.js';

const NAME = 100;
const SENTENCE = 1000;
const name = (text: string) => escapeClamped(text, NAME);

/**
 * The per-task drill-down as a collapsed Markdown section: the counts, pass@k, whether the verdict
 * rests on one task, and the tasks, most influential first, at most `maxRows` of them (a note
 * says where the rest are).
 */
export function taskDetails(report: Report, maxRows: number, fullReport: string | null): string[] {
  const tasks = report.tasks;
  if (!tasks) return [];
  const { control, treatment } = report;
  const shown = tasks.rows.slice(0, maxRows);
  const total = tasks.rows.length + tasks.omittedRows;
  const sentences = [
    tasksHeadline(report, tasks),
    passAtKSentence(report, tasks),
    robustnessSentence(tasks),
  ].filter((s): s is string => s !== null);
  const lines = [
    `<details><summary>${name(tasks.metric)} per task: ${name(treatment)} better on ${tasks.counts.wins} of ${tasks.counts.paired}, worse on ${tasks.counts.losses}${flakyCount(report)}</summary>`,
    '',
    ...sentences.map((s) => `- ${escapeClamped(s, SENTENCE)}`),
  ];
  if (shown.length > 0) {
    const solved = tasks.outcome !== null;
    lines.push(
      '',
      `| task | category | sessions | ${name(control)} | ${name(treatment)} | ${name(treatment)} − ${name(control)} | |${solved ? ` solved ${name(control)} | solved ${name(treatment)} | note |` : ''}`,
      `| --- | --- | ---: | ---: | ---: | ---: | --- |${solved ? ' ---: | ---: | --- |' : ''}`,
      ...shown.map((row) => taskRow(report, row, solved)),
    );
  }
  if (total > shown.length) {
    const where = fullReport ? `the full report (${fullReport})` : 'the JSON report (--json)';
    lines.push(
      '',
      `<sub>${shown.length === 0 ? 'No tasks listed' : `The ${shown.length} most influential of ${total} tasks`}; all are in ${escapeClamped(where, SENTENCE)}.</sub>`,
    );
  }
  lines.push('', '</details>');
  return lines;
}

function taskRow(report: Report, row: TaskRow, solved: boolean): string {
  const signed = (v: number | null) =>
    v !== null && v > 0 ? `+${formatNumber(v)}` : formatNumber(v);
  const cells = [
    name(row.task),
    row.category === null ? '' : name(row.category),
    `${row.sessions.control} / ${row.sessions.treatment}`,
    formatNumber(row.control),
    formatNumber(row.treatment),
    signed(row.difference),
    outcomeMark(row),
    ...(solved
      ? [
          solvedText(row.solved.control),
          solvedText(row.solved.treatment),
          escapeClamped(rowNote(report, row), SENTENCE),
        ]
      : []),
  ];
  return `| ${cells.join(' | ')} |`;
}

function flakyCount(report: Report): string {
  const tasks = report.tasks!;
  if (tasks.outcome === null) return '';
  const { flipped, flaky } = tasks.counts;
  return ` · ${flipped.control + flipped.treatment} flipped · flaky in ${name(report.control)} ${flaky.control}, ${name(report.treatment)} ${flaky.treatment}`;
}
