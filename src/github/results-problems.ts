import * as core from '@actions/core';
import type { ExperimentConfig } from '../config/experiment-config.js';
import { formatProblem, problemsFound } from '../records/problems.js';
import type { RecordProblem } from '../records/types.js';
import type { ResultsRead } from '../store/read-results.js';
import { StepError } from './step-error.js';

/** Problems listed before the rest is counted. */
const PROBLEMS_SHOWN = 50;

/**
 * Annotates the readers' warnings, stops on invalid records (`on-invalid: fail`) or annotates them (`skip`), and stops when the
 * results hold only other experiments' records, which means the `experiment` input is wrong.
 */
export function checkResults(
  results: ResultsRead,
  config: ExperimentConfig,
  warnings: readonly RecordProblem[] = [],
): void {
  for (const warning of warnings) core.warning(formatProblem(warning), { title: 'ab-verdict' });
  const lines = results.problems.map(formatProblem);
  const shown = lines.slice(0, PROBLEMS_SHOWN);
  if (lines.length > PROBLEMS_SHOWN)
    shown.push(`… and ${lines.length - PROBLEMS_SHOWN} more problems`);
  if (lines.length > 0 && config.onInvalid === 'fail') {
    throw new StepError(
      `${problemsFound(results.problems, 'on-invalid: skip')}\n${shown.join('\n')}`,
    );
  }
  for (const line of shown) core.warning(line, { title: 'ab-verdict: invalid record skipped' });
  const others = Object.entries(results.otherExperiments);
  if (results.records.length === 0 && others.length > 0) {
    throw new StepError(
      `experiment: expected records of experiment ${JSON.stringify(config.experiment)} (records without an experiment field count as it), found only ${others.map(([name, n]) => `${JSON.stringify(name)} (${n})`).join(', ')}; set the experiment input`,
    );
  }
}
