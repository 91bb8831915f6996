import { formatNumber } from '../analysis/format-number.js';
import type { Report } from '../analysis/report-types.js';
import { alignColumns } from './align-columns.js';
import {
  outcomeMark,
  passAtKSentence,
  robustnessSentence,
  rowNote,
  solvedText,
  tasksHeadline,
} from './task-text.js';

/**
 * The drill-down for the terminal: its sentences, and with `rows` the tasks as a table, most
 * influential first (every task the report lists: the terminal has no size limit).
 */
export function taskLines(report: Report, rows: boolean): string[] {
  const tasks = report.tasks;
  if (!tasks) return [];
  const sentences = [
    tasksHeadline(report, tasks),
    passAtKSentence(report, tasks),
    robustnessSentence(tasks),
  ].filter((s): s is string => s !== null);
  if (!rows) return ['', ...sentences, '(--tasks lists every task.)'];
  const { control, treatment } = report;
  const solved = tasks.outcome !== null;
  const header = [
    'task',
    'category',
    'sessions',
    control,
    treatment,
    `${treatment} − ${control}`,
    '',
    ...(solved ? [`solved ${control}`, `solved ${treatment}`, 'note'] : []),
  ];
  const table = tasks.rows.map((row) => [
    `  ${row.task}`,
    row.category ?? '',
    `${row.sessions.control}/${row.sessions.treatment}`,
    formatNumber(row.control),
    formatNumber(row.treatment),
    formatNumber(row.difference),
    outcomeMark(row),
    ...(solved
      ? [solvedText(row.solved.control), solvedText(row.solved.treatment), rowNote(report, row)]
      : []),
  ]);
  const omitted =
    tasks.omittedRows > 0
      ? [`  … ${tasks.omittedRows} less influential tasks (only counted).`]
      : [];
  return [
    '',
    ...sentences,
    '',
    ...alignColumns([[`  ${header[0]}`, ...header.slice(1)], ...table]),
    ...omitted,
    `  ✓ ${treatment} better on the task, ✗ worse, = tied; most influential first.`,
  ];
}
