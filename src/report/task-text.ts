import { formatPercent } from '../analysis/format-number.js';
import type { Report, TaskDrilldown, TaskRow, VerdictCheck } from '../analysis/report-types.js';
import type { Solved } from '../analysis/task-drilldown-types.js';

/**
 * The drill-down's sentences and cells as plain text, the same in the terminal, the Markdown
 * (which escapes them) and the HTML report (which does too).
 */

/** `tool_error_rate task by task: warm better on 19 of 20 tasks, worse on 0, tied on 1.` */
export function tasksHeadline(report: Report, tasks: TaskDrilldown): string {
  const { counts } = tasks;
  const flipped = counts.flipped.control + counts.flipped.treatment;
  const parts = [
    `${tasks.metric} task by task: ${report.treatment} better on ${counts.wins} of ${counts.paired} tasks, worse on ${counts.losses}, tied on ${counts.ties}.`,
  ];
  if (tasks.outcome !== null) {
    parts.push(
      `Flipped (one variant always solves it, the other never): ${flipped}${flipped > 0 ? ` (${counts.flipped.treatment} to ${report.treatment}, ${counts.flipped.control} to ${report.control})` : ''}. Flaky (repetitions disagree): ${report.control} ${counts.flaky.control}, ${report.treatment} ${counts.flaky.treatment}.`,
    );
  }
  const unpaired = counts.controlOnly + counts.treatmentOnly;
  if (unpaired > 0) {
    parts.push(
      `${unpaired} task${unpaired === 1 ? '' : 's'} ran in one variant only (${report.control} ${counts.controlOnly}, ${report.treatment} ${counts.treatmentOnly}).`,
    );
  }
  return parts.join(' ');
}

/** `pass@3 (solved at least once in 3 tries): cold 90%, warm 100%; pass^3 (all 3): …`. */
export function passAtKSentence(report: Report, tasks: TaskDrilldown): string | null {
  const pass = tasks.passAtK;
  if (!pass) return null;
  const arms = (pick: (arm: { passAtK: number; passHatK: number }) => number) =>
    `${report.control} ${formatPercent(pick(pass.control), false)}, ${report.treatment} ${formatPercent(pick(pass.treatment), false)}`;
  return `${tasks.outcome}: pass@${pass.k} (solved at least once in ${pass.k} tries) ${arms((a) => a.passAtK)}; pass^${pass.k} (solved all ${pass.k} times) ${arms((a) => a.passHatK)}; over ${pass.tasks} tasks.`;
}

/** `The verdict rests on task X: without its 4 sessions it would be inconclusive.`, or null. */
export function restsOnSentence(tasks: TaskDrilldown | null | undefined): string | null {
  const rests = tasks?.robustness?.restsOn;
  if (!rests) return null;
  return `The verdict rests on ${rests.kind} ${rests.name}: without its ${rests.sessions} sessions it would be ${verdictWords(rests)}.`;
}

/** `The verdict holds without any one of the tasks a, b and c, or the category docs.` */
export function robustnessSentence(tasks: TaskDrilldown): string | null {
  const robustness = tasks.robustness;
  if (!robustness || robustness.checks.length === 0) return null;
  if (robustness.restsOn) return restsOnSentence(tasks);
  const names = (kind: VerdictCheck['kind']) =>
    robustness.checks.filter((c) => c.kind === kind).map((c) => c.name);
  const taskNames = names('task');
  const category = names('category');
  const left = [
    ...(taskNames.length > 0
      ? [`the ${taskNames.length === 1 ? 'task' : 'tasks'} ${listOf(taskNames)}`]
      : []),
    ...(category.length > 0 ? [`the category ${category.join(', ')}`] : []),
  ];
  return `The verdict holds without any one of ${left.join(', or ')} (the most influential, each left out in turn).`;
}

export function solvedText(solved: Solved | null): string {
  return solved ? `${solved.solved}/${solved.sessions}` : '—';
}

const OUTCOME_MARKS = { win: '✓', loss: '✗', tie: '=' } as const;

/** ✓ the treatment was better on the task, ✗ worse, = tied, blank when not compared. */
export function outcomeMark(row: TaskRow): string {
  return row.outcome ? OUTCOME_MARKS[row.outcome] : '';
}

/** `flipped to warm`, `flaky in cold and warm`. */
export function rowNote(report: Report, row: TaskRow): string {
  const variant = (arm: 'control' | 'treatment') => report[arm];
  const notes: string[] = [];
  if (row.flipped) notes.push(`flipped to ${variant(row.flipped)}`);
  if (row.flaky.length > 0) notes.push(`flaky in ${listOf(row.flaky.map(variant))}`);
  return notes.join('; ');
}

function verdictWords(check: VerdictCheck): string {
  const verdict = check.verdict.replace('-', ' ');
  return check.winner ? `${verdict} (${check.winner})` : verdict;
}

function listOf(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
