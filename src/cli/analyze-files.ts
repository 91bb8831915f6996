import { analyze } from '../analysis/analyze.js';
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
  stopOnProblems([...inputs.problems, ...read.problems], config.onInvalid, io);
  const logFiles = new Set(inputs.logFiles);
  return analyze(read.table, config, {
    files: [...logFiles, ...read.files.filter((file) => !logFiles.has(file))],
    recordsRead: read.recordsRead,
    skippedInvalid: read.skipped,
    otherExperiments: read.otherExperiments,
  });
}
