import type { RecordProblem } from './types.js';
/**
 * One problem as a line for people, by its location:
 * - a line (or line and column): `results/warm.jsonl:14: tool_calls: expected …`
 * - an array index: `results/a.json[3]: success: expected …`
 * - a place in a seed test file: `seed.json: cold_results[2].tool_calls: expected …`
 * - none, the whole file: `results/empty.json: empty file, expected JSON records`
 */
export declare function formatProblem(problem: RecordProblem): string;
/**
 * The line after the problems that stop a read: how many, and what to do. Skipping (`skip`: how
 * to ask for it) is offered for invalid records only; when every problem is a path or glob with
 * nothing to read, skipping would hide the mistake, so the line says to check them.
 */
export declare function problemsFound(problems: readonly RecordProblem[], skip: string): string;
