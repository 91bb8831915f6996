import type { RecordProblem } from './types.js';

/**
 * One problem as a line for people, by its location:
 * - a line (or line and column): `results/warm.jsonl:14: tool_calls: expected …`
 * - an array index: `results/a.json[3]: success: expected …`
 * - a place in a seed test file: `seed.json: cold_results[2].tool_calls: expected …`
 * - none, the whole file: `results/empty.json: empty file, expected JSON records`
 */
export function formatProblem(problem: RecordProblem): string {
  const { file, location, field, message } = problem;
  if (/^\d+(?::\d+)?$/.test(location)) return `${file}:${location}: ${prefix(field)}${message}`;
  if (location.startsWith('[')) return `${file}${location}: ${prefix(field)}${message}`;
  if (location === '') return `${file}: ${prefix(field)}${message}`;
  const path = field === '' ? location : `${location}.${field}`;
  return `${file}: ${path}: ${message}`;
}

/**
 * The line after the problems that stop a read: how many, and what to do. Skipping (`skip`: how
 * to ask for it) is offered for invalid records only; when every problem is a path or glob with
 * nothing to read, skipping would hide the mistake, so the line says to check them.
 */
export function problemsFound(problems: readonly RecordProblem[], skip: string): string {
  const found = `${problems.length} problem${problems.length === 1 ? '' : 's'} found`;
  return problems.some((problem) => !problem.noInput)
    ? `${found}; fix them, or analyse the valid records with ${skip}.`
    : `${found}: nothing to read there; check the paths and globs.`;
}

function prefix(field: string): string {
  return field === '' ? '' : `${field}: `;
}
