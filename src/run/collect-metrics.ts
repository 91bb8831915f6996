import { readFile, realpath, stat } from 'node:fs/promises';
import { sep } from 'node:path';
import { explainJsonError, lineAndColumn } from '../records/json-error.js';
import { findInputFiles } from '../records/find-input-files.js';
import { validateRecord } from '../records/schema.js';
import { SOURCES } from '../sources/formats.js';
import { ALL_FILES, detectFormat } from '../sources/read-inputs.js';
import type { FormatName, SourceFile } from '../sources/types.js';
import type { Experiment } from './load-experiment.js';
import { matchSession } from './match-logs.js';

/** Where a session's metrics came from: its result file, the agent's logs (their format), or the exit code. */
export type MetricsSource = 'result-file' | FormatName | 'exit-code';

/** The fields a session's record takes from its metrics source, or why they cannot be had. */
export type Collected =
  { fields: Record<string, unknown>; from: MetricsSource } | { problem: string };

/** Fields the runner sets and a metrics source may only repeat. */
const IDENTITY = ['session_id', 'variant', 'session_type', 'task_id', 'experiment'] as const;
/** A result file is one record: anything bigger is a mistake, not a record. */
const MAX_RESULT_BYTES = 1 << 20;
/** File systems keep modification times coarsely: allow this much before the start. */
const CLOCK_SLACK_MS = 2000;

interface Attempt {
  identity: Record<(typeof IDENTITY)[number] & string, string | undefined>;
  /** The session's folder: its working directory, result file and output are in it. */
  folder: string;
  workdir: string;
  /** What the command printed: an agent's result (`claude -p --output-format json`) is a log too. */
  stdout: string;
  resultFile: string;
  start: Date;
  exitCode: number | null;
}

/**
 * The metrics of one finished attempt: from the result file the command wrote
 * (`AB_VERDICT_RESULT`), else from the agent's logs (the experiment's `metrics.logs`, any format
 * of the sources layer, the session matched by id or working directory), else only success from
 * the exit code. A result file or log session that breaks the record schema is a problem, never
 * dropped in silence.
 */
export async function collectMetrics(experiment: Experiment, attempt: Attempt): Promise<Collected> {
  const fromFile = await readResultFile(attempt);
  if (fromFile !== undefined) return fromFile;
  if (experiment.logs) {
    const fromLogs = await readLogs(experiment.logs, attempt);
    if (fromLogs !== undefined) return fromLogs;
  }
  return { fields: { success: attempt.exitCode === 0 }, from: 'exit-code' };
}

async function readResultFile(attempt: Attempt): Promise<Collected | undefined> {
  const file = attempt.resultFile;
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    return undefined; // none written
  }
  if (size === 0) return undefined;
  if (size > MAX_RESULT_BYTES) {
    return { problem: `${file}: the result file has ${size} bytes; expected one JSON record` };
  }
  const text = await readFile(file, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const { reason, offset } = explainJsonError(error, text);
    const at = offset === undefined ? '' : `:${lineAndColumn(text, offset).line}`;
    return { problem: `${file}${at}: invalid JSON (${reason}); expected one JSON record` };
  }
  return checked(value, attempt, 'result-file', file);
}

async function readLogs(
  logs: NonNullable<Experiment['logs']>,
  attempt: Attempt,
): Promise<Collected | undefined> {
  const files = await findInputFiles(logs.patterns, attempt.workdir, () => {}, ALL_FILES);
  files.push({ display: attempt.stdout, absolute: attempt.stdout });
  const recent: SourceFile[] = [];
  for (const file of files) if (await writtenSince(file.absolute, attempt.start)) recent.push(file);
  const byFormat = new Map<FormatName, SourceFile[]>();
  for (const file of recent) {
    const format = logs.from === 'auto' ? await detectFormat(file) : logs.from;
    if (format !== undefined) byFormat.set(format, [...(byFormat.get(format) ?? []), file]);
  }
  const workdir = await realpath(attempt.workdir);
  for (const [format, group] of byFormat) {
    const read = await SOURCES[format].read(group, {});
    const found = matchSession(read.sessions, {
      sessionId: attempt.identity.session_id!,
      workdir,
      ownFolder: group.every((file) => file.absolute.startsWith(attempt.folder + sep)),
    });
    if (!found) continue;
    const { session_id: agentSessionId, ...record } = found.record;
    const where = `${found.file}${found.location ? `:${found.location}` : ''}`;
    return checked({ ...record, agent_session_id: agentSessionId }, attempt, format, where);
  }
  return undefined;
}

/** Whether a log was written during the attempt (a SQLite database: or its write-ahead log). */
async function writtenSince(file: string, start: Date): Promise<boolean> {
  const since = start.getTime() - CLOCK_SLACK_MS;
  for (const path of file.endsWith('.db') ? [file, `${file}-wal`] : [file]) {
    try {
      if ((await stat(path)).mtimeMs >= since) return true;
    } catch {
      // no write-ahead log
    }
  }
  return false;
}

/** The source's fields, checked as part of the session's record; the identity may only agree. */
function checked(value: unknown, attempt: Attempt, from: MetricsSource, where: string): Collected {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: `${where}: expected one JSON object (a session record)` };
  }
  const fields: Record<string, unknown> = { ...value };
  for (const name of IDENTITY) {
    const given = fields[name];
    const own = attempt.identity[name];
    if (given !== undefined && own !== undefined && given !== own) {
      return {
        problem: `${where}: ${name}: the session's is ${JSON.stringify(own)}, the file says ${JSON.stringify(given)}`,
      };
    }
    delete fields[name];
  }
  const validation = validateRecord({ ...fields, ...attempt.identity });
  if ('problems' in validation) {
    return {
      problem: validation.problems
        .map(({ field, message }) => `${where}: ${field || 'the record'}: ${message}`)
        .join('\n'),
    };
  }
  return { fields, from };
}
