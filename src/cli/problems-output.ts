import { formatProblem, problemsFound } from '../records/problems.js';
import type { RecordProblem } from '../records/types.js';
import type { CommandIO } from './analyze-command.js';
import { InputError } from './usage-error.js';

/** How many problems to print before summing up the rest. */
const PROBLEMS_SHOWN = 50;

/**
 * With `fail`, any problem stops the command (exit code 1) with the first 50 problems and a count;
 * with `skip`, they are printed as warnings and the valid records go on to the analysis.
 */
export function stopOnProblems(
  problems: RecordProblem[],
  onInvalid: 'fail' | 'skip',
  io: Pick<CommandIO, 'stderr'>,
): void {
  const lines = problems.map(formatProblem);
  const shown = lines.slice(0, PROBLEMS_SHOWN);
  if (lines.length > PROBLEMS_SHOWN)
    shown.push(`… and ${lines.length - PROBLEMS_SHOWN} more problems`);
  if (lines.length > 0 && onInvalid === 'fail') {
    throw new InputError([...shown, problemsFound(problems, '--on-invalid skip')]);
  }
  if (shown.length > 0) io.stderr(shown.map((line) => `warning: ${line}`).join('\n') + '\n');
}
