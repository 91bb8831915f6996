import { findInputFiles, inputProblem } from '../records/find-input-files.js';
import { readSessions } from '../records/read.js';
import type { LocatedRecord, RecordProblem, SessionRecord } from '../records/types.js';

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
  options: {
    onInvalid: 'fail' | 'skip';
    experiment: string;
    cwd: string;
    /** Sessions read from agent logs (`src/sources`), checked and kept as the files' are. */
    records?: readonly LocatedRecord[];
  },
): Promise<ResultsRead> {
  const read: ResultsRead = {
    records: [],
    problems: [],
    skipped: 0,
    files: [],
    recordsRead: 0,
    otherExperiments: {},
  };
  const { records = [], ...readOptions } = options;
  const files = await findInputFiles(patterns, options.cwd, (pattern, message) =>
    read.problems.push(inputProblem(pattern, message)),
  );
  // Sessions of agent logs by file, so that each knows its file, as a result file's records do.
  const byFile = new Map<string, LocatedRecord[]>();
  for (const record of records) {
    const given = byFile.get(record.file);
    if (given) given.push(record);
    else byFile.set(record.file, [record]);
  }
  const reads = [
    ...[...byFile].map(([file, given]) => ({ file, patterns: [], given })),
    ...files.map((file) => ({ file: file.display, patterns: [file.display], given: [] })),
  ];
  for (const { file, patterns: paths, given } of reads) {
    const one = await readSessions(paths, { ...readOptions, keepRecords: true, records: given });
    read.records.push(...(one.records ?? []).map((record) => ({ record, source: file })));
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
