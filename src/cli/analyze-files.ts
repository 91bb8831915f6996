import { analyze } from '../analysis/analyze.js';
import type { Report } from '../analysis/report-types.js';
import type { ExperimentConfig } from '../config/experiment-config.js';
import { readSessions } from '../records/read.js';
import type { CommandIO } from './analyze-command.js';
import { stopOnProblems } from './problems-output.js';

/** Reads result files (stopping on invalid records unless told to skip them) and analyses them. */
export async function analyzeFiles(
  patterns: string[],
  config: ExperimentConfig,
  io: CommandIO,
): Promise<Report> {
  const read = await readSessions(patterns, {
    onInvalid: config.onInvalid,
    experiment: config.experiment,
    cwd: io.cwd,
    labelFields: config.segments,
  });
  stopOnProblems(read.problems, config.onInvalid, io);
  return analyze(read.table, config, {
    files: read.files,
    recordsRead: read.recordsRead,
    skippedInvalid: read.skipped,
    otherExperiments: read.otherExperiments,
  });
}
