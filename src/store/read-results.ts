import { findInputFiles } from '../records/find-input-files.js';
import { readSessions } from '../records/read.js';
import type { RecordProblem, SessionRecord } from '../records/types.js';

export interface ResultsRead {
  /** Valid records of the experiment, each with the file it came from, in the order read. */
  records: { record: SessionRecord; source: string }[];
  problems: RecordProblem[];
  skipped: number;
  files: string[];
  recordsRead: number;
  otherExperiments: Record<string, number>;
}

/**
 * This run's result files, read one by one so that every record knows its file (the store keeps
 * it as provenance). Same checks and messages as the CLI's reader.
 */
export async function readResults(
  patterns: readonly string[],
  options: { onInvalid: 'fail' | 'skip'; experiment: string; cwd: string },
): Promise<ResultsRead> {
  const read: ResultsRead = {
    records: [],
    problems: [],
    skipped: 0,
    files: [],
    recordsRead: 0,
    otherExperiments: {},
  };
  const files = await findInputFiles(patterns, options.cwd, (pattern, message) =>
    read.problems.push({ file: pattern, location: '', field: '', message }),
  );
  for (const file of files) {
    const one = await readSessions([file.display], { ...options, keepRecords: true });
    read.records.push(...(one.records ?? []).map((record) => ({ record, source: file.display })));
    read.problems.push(...one.problems);
    read.skipped += one.skipped;
    read.files.push(...one.files);
    read.recordsRead += one.recordsRead;
    for (const [experiment, count] of Object.entries(one.otherExperiments)) {
      read.otherExperiments[experiment] = (read.otherExperiments[experiment] ?? 0) + count;
    }
  }
  return read;
}
