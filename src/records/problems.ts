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

function prefix(field: string): string {
  return field === '' ? '' : `${field}: `;
}
