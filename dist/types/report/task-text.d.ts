import type { Report, TaskDrilldown, TaskRow } from '../analysis/report-types.js';
import type { Solved } from '../analysis/task-drilldown-types.js';
/**
 * The drill-down's sentences and cells as plain text, the same in the terminal, the Markdown
 * (which escapes them) and the HTML report (which does too).
 */
/** `tool_error_rate task by task: warm better on 19 of 20 tasks, worse on 0, tied on 1.` */
export declare function tasksHeadline(report: Report, tasks: TaskDrilldown): string;
/** `pass@3 (solved at least once in 3 tries): cold 90%, warm 100%; pass^3 (all 3): …`. */
export declare function passAtKSentence(report: Report, tasks: TaskDrilldown): string | null;
/** `The verdict rests on task X: without its 4 sessions it would be inconclusive.`, or null. */
export declare function restsOnSentence(tasks: TaskDrilldown | null | undefined): string | null;
/** `The verdict holds without any one of the tasks a, b and c, or the category docs.` */
export declare function robustnessSentence(tasks: TaskDrilldown): string | null;
export declare function solvedText(solved: Solved | null): string;
/** ✓ the treatment was better on the task, ✗ worse, = tied, blank when not compared. */
export declare function outcomeMark(row: TaskRow): string;
/** `flipped to warm`, `flaky in cold and warm`. */
export declare function rowNote(report: Report, row: TaskRow): string;
