import { analyze } from '../analysis/analyze.js';
import { checkArmsPresent } from '../analysis/arms-present.js';
import type { Report } from '../analysis/report-types.js';
import type { ExperimentConfig } from '../config/experiment-config.js';
import type { SourceSettings } from '../config/source-settings.js';
import { readSessions } from '../records/read.js';
import { readInputs, sourceOptions } from '../sources/read-inputs.js';
import type { CommandIO } from './analyze-command.js';
import { stopOnProblems } from './problems-output.js';
import { printWarnings } from './source-flags.js';

/**
 * Reads result files and agent logs (stopping on invalid records unless told to skip them) and
 * analyses them.
 */
export async function analyzeFiles(
  patterns: string[],
  config: ExperimentConfig,
  io: CommandIO,
  source: SourceSettings = { from: 'auto', task: { from: 'prompt' } },
): Promise<Report> {
  const inputs = await readInputs(patterns, { ...sourceOptions(source), cwd: io.cwd });
  const read = await readSessions(inputs.recordFiles, {
    onInvalid: config.onInvalid,
    experiment: config.experiment,
    cwd: io.cwd,
    labelFields: config.segments,
    records: inputs.sessions,
  });
  printWarnings(inputs.warnings, io.stderr);
  const problems = [...inputs.problems, ...read.problems];
  // Nothing found to read is no analysis, whatever --on-invalid says: skipping hides nothing here.
  const nothingRead = read.files.length === 0 && inputs.logFiles.length === 0;
  stopOnProblems(problems, nothingRead ? 'fail' : config.onInvalid, io);
  checkArmsPresent(read.table, config, read.otherExperiments);
  const logFiles = new Set(inputs.logFiles);
  return analyze(read.table, config, {
    files: [...logFiles, ...read.files.filter((file) => !logFiles.has(file))],
    recordsRead: read.recordsRead,
    skippedInvalid: read.skipped,
    otherExperiments: read.otherExperiments,
  });
}
