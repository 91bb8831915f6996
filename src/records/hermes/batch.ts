import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { describeValue, kindOf } from '../describe-value.js';
import { BINARY_FILE, EMPTY_FILE, describeReadError, looksBinary, stripBom } from '../file-text.js';
import { jsonLineProblem, jsonLineText } from '../json-line.js';
import type { FieldProblem } from '../schema.js';
import {
  acceptRecord,
  checkVariant,
  isCount,
  isPlainObject,
  promptTaskId,
  reportProblems,
  shortHash,
  type HermesReadOptions,
  type HermesReadResult,
} from './common.js';

export interface HermesBatchOptions extends HermesReadOptions {
  /**
   * What pairs the sessions of two runs: `prompt` (the default), a hash of the first human turn,
   * so that runs over differently ordered datasets still pair; `prompt-index`, `task_<index>`
   * as batch_runner names its tasks, for runs whose prompts differ on purpose.
   */
  taskId?: 'prompt' | 'prompt-index';
}

/** Big chunks, as in `read-jsonl.ts`: per-chunk overhead dominates with the default 64 KiB. */
const CHUNK_BYTES = 1 << 20;

/** Record fields named by the trajectory field they come from, in problems. */
const SOURCES: Readonly<Record<string, string>> = { start_time: 'metadata.timestamp' };

/**
 * Reads the `trajectories.jsonl` (or a `batch_N.jsonl`) that Hermes' `batch_runner` writes: one
 * session record per line, mapped as `README.md` beside this file describes. Streams the file,
 * holding one chunk and one line at a time. Problems never stop the read; they are returned with
 * the file and line, as `formatProblem` prints them.
 *
 * @throws TypeError when `options.variant` is empty: a caller's mistake, not the file's.
 */
export async function readHermesBatch(
  file: string,
  options: HermesBatchOptions,
): Promise<HermesReadResult> {
  checkVariant(options);
  const result: HermesReadResult = { records: [], problems: [] };
  const fileProblem = (message: string): HermesReadResult => {
    result.problems.push({ file, location: '', field: '', message });
    return result;
  };

  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    return fileProblem(describeReadError(error));
  }

  let lineNumber = 0;
  let sessions = 0;
  const readLine = (raw: string): void => {
    lineNumber++;
    const line = jsonLineText(raw);
    if (line === undefined) return;
    sessions++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      result.problems.push({ file, field: '', ...jsonLineProblem(error, line, lineNumber) });
      return;
    }
    const location = String(lineNumber);
    const mapped = mapTrajectory(value, line, options);
    if ('problems' in mapped) reportProblems(mapped.problems, file, location, result);
    else acceptRecord(mapped.record, file, location, SOURCES, result);
  };

  const decoder = new StringDecoder('utf8');
  /** The current line's text so far, in pieces: one long line is joined once, not per chunk. */
  let pieces: string[] = [];
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
      const data = chunk as Buffer;
      let text = decoder.write(data);
      if (bytes === 0) {
        if (looksBinary(data)) return fileProblem(BINARY_FILE);
        text = stripBom(text);
      }
      bytes += data.length;
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        const piece = text.slice(start, end);
        readLine(pieces.length === 0 ? piece : pieces.join('') + piece);
        pieces = [];
        start = end + 1;
      }
      if (start < text.length) pieces.push(text.slice(start));
      options.onProgress?.({ sessions, done: bytes, total: Math.max(size, bytes) });
    }
    pieces.push(decoder.end());
    const last = pieces.join('');
    if (last !== '') readLine(last);
  } catch (error) {
    return fileProblem(describeReadError(error));
  }
  options.onProgress?.({ sessions, done: bytes, total: bytes });
  if (sessions === 0) return fileProblem(EMPTY_FILE);
  return result;
}

type Mapped = { record: Record<string, unknown> } | { problems: FieldProblem[] };

/** The top-level fields of a trajectory line that the mapping reads. */
const KNOWN_FIELDS = new Set([
  'prompt_index',
  'conversations',
  'metadata',
  'completed',
  'partial',
  'failed',
  'api_calls',
  'toolsets_used',
  'tool_stats',
  'tool_error_counts',
]);

interface ToolCounts {
  calls: number;
  successful: number;
  /** Tools called at least once. */
  used: number;
  /** Per tool, the tools called at least once: `{count, success, failure}` as in the file. */
  stats: Record<string, unknown>;
  /** Per tool, the non-zero error counts as in the file. */
  errors: Record<string, number>;
}

/** One trajectory line as a session record (not yet validated), or what is wrong with it. */
export function mapTrajectory(value: unknown, line: string, options: HermesBatchOptions): Mapped {
  if (!isPlainObject(value)) {
    return { problems: [{ field: '', message: `expected a JSON object, got ${kindOf(value)}` }] };
  }
  const problems: FieldProblem[] = [];
  const expect = (ok: boolean, field: string, expected: string, found: unknown): void => {
    if (!ok) problems.push({ field, message: `expected ${expected}, got ${describeValue(found)}` });
  };
  const present = (field: string, source: Record<string, unknown> = value): boolean =>
    source[field] !== undefined && source[field] !== null;

  const index = value.prompt_index;
  if (!present('prompt_index'))
    problems.push({ field: 'prompt_index', message: 'required, missing' });
  else expect(isCount(index), 'prompt_index', WHOLE, index);

  const metadata = present('metadata') ? value.metadata : {};
  expect(isPlainObject(metadata), 'metadata', 'an object', metadata);
  const meta = isPlainObject(metadata) ? metadata : {};
  if (present('batch_num', meta))
    expect(isCount(meta.batch_num), 'metadata.batch_num', WHOLE, meta.batch_num);
  if (present('model', meta))
    expect(typeof meta.model === 'string', 'metadata.model', STRING, meta.model);
  if (present('timestamp', meta)) {
    expect(typeof meta.timestamp === 'string', 'metadata.timestamp', TIME, meta.timestamp);
  }
  for (const field of ['completed', 'partial', 'failed']) {
    if (present(field))
      expect(typeof value[field] === 'boolean', field, 'true or false', value[field]);
  }
  if (present('api_calls')) expect(isCount(value.api_calls), 'api_calls', WHOLE, value.api_calls);
  if (present('toolsets_used')) {
    expect(Array.isArray(value.toolsets_used), 'toolsets_used', 'a list', value.toolsets_used);
  }

  const conversations = present('conversations') ? value.conversations : undefined;
  if (conversations !== undefined) {
    expect(Array.isArray(conversations), 'conversations', 'a list of turns', conversations);
  }
  const turns = Array.isArray(conversations) ? (conversations as unknown[]) : undefined;
  const prompt = turns && firstHumanTurn(turns, problems);

  let taskId: string | undefined;
  if (options.taskId === 'prompt-index') {
    taskId = `task_${String(index)}`;
  } else if (prompt !== undefined) {
    taskId = promptTaskId(prompt);
  } else if (!problems.some((problem) => problem.field.startsWith('conversations'))) {
    problems.push({
      field: 'conversations',
      message:
        turns === undefined
          ? 'required, missing'
          : 'expected a "human" turn to take the task from, got none',
    });
  }

  const counts = toolCounts(value, problems);
  if (problems.length > 0) return { problems };

  const { batch_num: batchNum, model, timestamp } = meta;
  const identity =
    typeof timestamp === 'string'
      ? JSON.stringify([model ?? null, batchNum ?? null, timestamp, index])
      : `line:${line}`;
  const record: Record<string, unknown> = {
    session_id: `hermes-batch-${String(index)}-${shortHash(identity)}`,
    variant: options.variant,
    task_id: taskId,
  };
  if (options.experiment !== undefined) record.experiment = options.experiment;
  if (typeof value.completed === 'boolean') {
    record.success = value.completed && value.partial !== true && value.failed !== true;
  }
  if (counts) {
    record.tool_calls = counts.calls;
    record.successful_tool_calls = counts.successful;
  }
  if (turns) record.message_count = turns.filter((turn) => !isSystemTurn(turn)).length;
  if (typeof timestamp === 'string') record.start_time = timestamp;
  const metrics: Record<string, number> = {};
  if (isCount(value.api_calls)) metrics.api_calls = value.api_calls;
  if (counts) metrics.tools_used = counts.used;
  if (Object.keys(metrics).length > 0) record.metrics = metrics;
  record.hermes = hermesFields(value, meta, turns, counts);
  return { record };
}

const WHOLE = 'a whole number >= 0';
const STRING = 'a string';
const TIME = 'an ISO 8601 date-time like "2025-05-01T12:00:00"';

function isSystemTurn(turn: unknown): boolean {
  return isPlainObject(turn) && turn.from === 'system';
}

/** The text of the first `human` turn: the dataset's prompt, in batch_runner's trajectories. */
function firstHumanTurn(turns: readonly unknown[], problems: FieldProblem[]): string | undefined {
  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i];
    if (!isPlainObject(turn) || turn.from !== 'human') continue;
    if (typeof turn.value === 'string') return turn.value;
    problems.push({
      field: `conversations[${i}].value`,
      message: `expected a string, got ${describeValue(turn.value)}`,
    });
    return undefined;
  }
  return undefined;
}

/**
 * Tool calls from `tool_stats` and `tool_error_counts`, per tool: failures are the larger of
 * `failure` and the error count (Hermes writes one from the other, so they only differ in an
 * edited file: an error either reports counts); calls are the larger of `count` and
 * `success + failures`; successful calls are `success`. A call with no recorded outcome
 * (`count > success + failure`) is a call that did not succeed.
 */
function toolCounts(
  value: Record<string, unknown>,
  problems: FieldProblem[],
): ToolCounts | undefined {
  const { tool_stats: stats, tool_error_counts: errors } = value;
  const hasStats = stats !== undefined && stats !== null;
  const hasErrors = errors !== undefined && errors !== null;
  if (!hasStats && !hasErrors) return undefined;
  const before = problems.length;
  const statsOf: Record<string, Record<string, unknown>> = {};
  if (hasStats && !isPlainObject(stats)) {
    problems.push({
      field: 'tool_stats',
      message: `expected an object, got ${describeValue(stats)}`,
    });
  } else if (hasStats) {
    for (const [tool, entry] of Object.entries(stats)) {
      if (!isPlainObject(entry)) {
        problems.push({
          field: `tool_stats.${tool}`,
          message: `expected {count, success, failure}, got ${describeValue(entry)}`,
        });
        continue;
      }
      for (const key of ['count', 'success', 'failure']) {
        const number = entry[key];
        if (number !== undefined && number !== null && !isCount(number)) {
          problems.push({
            field: `tool_stats.${tool}.${key}`,
            message: `expected ${WHOLE}, got ${describeValue(number)}`,
          });
        }
      }
      statsOf[tool] = entry;
    }
  }
  const errorsOf: Record<string, number> = {};
  if (hasErrors && !isPlainObject(errors)) {
    problems.push({
      field: 'tool_error_counts',
      message: `expected an object, got ${describeValue(errors)}`,
    });
  } else if (hasErrors) {
    for (const [tool, count] of Object.entries(errors)) {
      if (count === null) continue;
      if (isCount(count)) errorsOf[tool] = count;
      else {
        problems.push({
          field: `tool_error_counts.${tool}`,
          message: `expected ${WHOLE}, got ${describeValue(count)}`,
        });
      }
    }
  }
  if (problems.length > before) return undefined;

  const counts: ToolCounts = { calls: 0, successful: 0, used: 0, stats: {}, errors: {} };
  for (const tool of new Set([...Object.keys(statsOf), ...Object.keys(errorsOf)])) {
    const entry = statsOf[tool] ?? {};
    const count = numberOr0(entry.count);
    const success = numberOr0(entry.success);
    const failures = Math.max(numberOr0(entry.failure), errorsOf[tool] ?? 0);
    const calls = Math.max(count, success + failures);
    counts.calls += calls;
    counts.successful += success;
    if (calls > 0) {
      counts.used++;
      if (statsOf[tool] !== undefined) counts.stats[tool] = statsOf[tool];
    }
    if ((errorsOf[tool] ?? 0) > 0) counts.errors[tool] = errorsOf[tool] as number;
  }
  return counts;
}

function numberOr0(value: unknown): number {
  return isCount(value) ? value : 0;
}

/**
 * What the record keeps of the line under `hermes`: every field the mapping does not carry over
 * whole. The conversation is not kept (it is most of the file); its size is.
 */
function hermesFields(
  value: Record<string, unknown>,
  meta: Record<string, unknown>,
  turns: readonly unknown[] | undefined,
  counts: ToolCounts | undefined,
): Record<string, unknown> {
  const hermes: Record<string, unknown> = { prompt_index: value.prompt_index };
  for (const [field, item] of Object.entries(meta)) {
    if (field !== 'timestamp' && item !== null) hermes[field] = item;
  }
  for (const field of ['completed', 'partial', 'failed', 'toolsets_used']) {
    if (value[field] !== undefined && value[field] !== null) hermes[field] = value[field];
  }
  if (counts) {
    hermes.tool_stats = counts.stats;
    hermes.tool_error_counts = counts.errors;
  }
  if (turns) {
    hermes.conversation_turns = turns.length;
    let chars = 0;
    for (const turn of turns) {
      if (isPlainObject(turn) && typeof turn.value === 'string') chars += turn.value.length;
    }
    hermes.conversation_chars = chars;
  }
  for (const [field, item] of Object.entries(value)) {
    if (!KNOWN_FIELDS.has(field)) hermes[field] = item;
  }
  return hermes;
}
