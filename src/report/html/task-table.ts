import { formatNumber } from '../../analysis/format-number.js';
import type { Report, TaskRow } from '../../analysis/report-types.js';
import type { Solved } from '../../analysis/task-drilldown-types.js';
import { outcomeMark, rowNote, solvedText } from '../task-text.js';
import { escapeHtml } from './escape-html.js';

/** The per-task table, sortable by any column; every task the report lists. */
export function taskTable(report: Report): string {
  const tasks = report.tasks!;
  const { control, treatment } = report;
  const solved = tasks.outcome !== null;
  const heads: [string, 'text' | 'number'][] = [
    ['task', 'text'],
    ['category', 'text'],
    ['sessions', 'number'],
    [control, 'number'],
    [treatment, 'number'],
    [`${treatment} − ${control}`, 'number'],
    ['', 'text'],
    ['influence', 'number'],
    ...(solved
      ? ([
          [`solved ${control}`, 'number'],
          [`solved ${treatment}`, 'number'],
          ['note', 'text'],
        ] as [string, 'text' | 'number'][])
      : []),
  ];
  const header = heads
    .map(
      ([label, type]) =>
        `<th data-type="${type}"${type === 'number' ? ' class="num"' : ''}><button type="button">${escapeHtml(label) || 'outcome'}</button></th>`,
    )
    .join('');
  return [
    '<table id="task-table" class="sortable">',
    `<thead><tr>${header}</tr></thead>`,
    '<tbody>',
    ...tasks.rows.map((row) => taskRow(report, row, solved)),
    '</tbody>',
    '</table>',
  ].join('\n');
}

function taskRow(report: Report, row: TaskRow, solved: boolean): string {
  const cells = [
    text(row.task),
    text(row.category ?? ''),
    number(
      row.sessions.control + row.sessions.treatment,
      `${row.sessions.control} / ${row.sessions.treatment}`,
    ),
    number(row.control),
    number(row.treatment),
    number(row.difference, signed(row.difference)),
    `<td class="mark ${row.outcome ?? ''}" data-value="${row.outcome ?? ''}">${outcomeMark(row)}</td>`,
    number(row.influence),
    ...(solved
      ? [
          solvedCell(row.solved.control),
          solvedCell(row.solved.treatment),
          text(rowNote(report, row)),
        ]
      : []),
  ];
  const flags = [row.flipped ? 'flipped' : '', row.flaky.length > 0 ? 'flaky' : '']
    .filter(Boolean)
    .join(' ');
  return `<tr${flags ? ` class="${flags}"` : ''}>${cells.join('')}</tr>`;
}

function text(value: string): string {
  const safe = escapeHtml(value);
  return `<td data-value="${safe}">${safe}</td>`;
}

function number(value: number | null, shown = formatNumber(value)): string {
  return `<td class="num" data-value="${value ?? ''}">${escapeHtml(shown)}</td>`;
}

function solvedCell(solved: Solved | null): string {
  return number(
    solved && solved.sessions > 0 ? solved.solved / solved.sessions : null,
    solvedText(solved),
  );
}

function signed(value: number | null): string {
  return value !== null && value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}
