import { dirname } from 'node:path';
import { describeValue, kindOf } from '../../records/describe-value.js';
import type { FieldProblem } from '../../records/schema.js';
import { forEachJsonLine } from '../json-lines.js';
import { shortHash } from '../mapping.js';
import type { FoundSession, SourceFile, SourceOptions, SourceRead } from '../types.js';
import { isCount, isObject as isPlainObject } from '../values.js';

/** Record fields named by the trajectory field they come from, in problems. */
const ORIGINS: Readonly<Record<string, string>> = { end_time: 'metadata.timestamp' };

/** One batch_runner run: the folder its trajectory files are in (`data/<run_name>/`). */
interface Run {
  files: Set<string>;
  prompts: Set<number>;
  model?: string;
  /** The ids of its sessions, to name the sessions it is missing. */
  ids: string[];
}

/**
 * Reads what Hermes' `batch_runner` writes: `trajectories.jsonl` and the `batch_N.jsonl` it is
 * combined from (the same lines: each session counts once), one session per line, mapped as the
 * README describes. Given the dataset too (`{"prompt": …}` lines), every prompt a run wrote no
 * line for (its run crashed) is a failed session, and a warning says so.
 */
export async function readHermesBatch(
  files: readonly SourceFile[],
  options: SourceOptions,
): Promise<SourceRead> {
  const read: SourceRead = { sessions: [], problems: [], warnings: [] };
  const seen = new Set<string>();
  const runs = new Map<string, Run>();
  let dataset: { file: string; prompts: string[] } | undefined;
  let lines = 0;
  for (const file of files) {
    const prompts: string[] = [];
    let trajectories = 0;
    await forEachJsonLine(
      file,
      read.problems,
      ({ value, number, text }) => {
        lines++;
        if (isDatasetLine(value)) {
          prompts.push(value.prompt);
          return;
        }
        trajectories++;
        const location = String(number);
        const mapped = mapTrajectory(value, text);
        if ('problems' in mapped) {
          for (const { field, message } of mapped.problems) {
            read.problems.push({ file: file.display, location, field, message });
          }
          return;
        }
        const { record, keys } = mapped;
        const run = runOf(runs, dirname(file.absolute));
        run.files.add(file.display);
        run.model ??= keys.model;
        run.prompts.add(mapped.index);
        if (seen.has(record.session_id)) return; // the same line in trajectories.jsonl and batch_N.jsonl
        seen.add(record.session_id);
        run.ids.push(record.session_id);
        read.sessions.push({
          file: file.display,
          location,
          files: [file.display],
          record,
          keys,
          origins: ORIGINS,
        });
      },
      (done, total) => options.onProgress?.({ sessions: lines, done, total }),
    );
    if (prompts.length > 0 && trajectories === 0) dataset = { file: file.display, prompts };
  }
  if (dataset !== undefined) missingRuns(dataset, runs, read);
  return read;
}

function isDatasetLine(value: unknown): value is { prompt: string } {
  return (
    isPlainObject(value) && typeof value.prompt === 'string' && value.conversations === undefined
  );
}

function runOf(runs: Map<string, Run>, folder: string): Run {
  let run = runs.get(folder);
  if (run === undefined) {
    run = { files: new Set(), prompts: new Set(), ids: [] };
    runs.set(folder, run);
  }
  return run;
}

/**
 * The dataset's prompts that a run wrote no line for: batch_runner writes none for a prompt whose
 * run crashed, so they are failed sessions, not sessions that never were.
 */
function missingRuns(
  dataset: { file: string; prompts: string[] },
  runs: Map<string, Run>,
  read: SourceRead,
): void {
  for (const run of runs.values()) {
    const runId = shortHash(JSON.stringify([...run.ids].sort()));
    const files = [...run.files];
    dataset.prompts.forEach((prompt, index) => {
      if (run.prompts.has(index)) return;
      const message = `no line for prompt ${index} of ${dataset.file} in ${files.join(', ')}: batch_runner writes none when a prompt's run fails, so it counts as a failed session`;
      read.warnings.push({ file: files[0] ?? dataset.file, location: '', field: '', message });
      read.sessions.push({
        file: dataset.file,
        location: String(index + 1),
        files,
        record: {
          session_id: `hermes-batch-missing-${index}-${shortHash(`${runId}:${index}`)}`,
          success: false,
          errors: ['batch_runner wrote no trajectory line for this prompt (the run failed)'],
          hermes: { prompt_index: index, missing: true },
        },
        keys: {
          prompt,
          model: run.model,
          fields: { prompt_index: `task_${index}`, ...(run.model && { model: run.model }) },
        },
      });
    });
  }
}

type Mapped =
  | { record: FoundSession['record']; keys: FoundSession['keys']; index: number }
  | { problems: FieldProblem[] };

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
export function mapTrajectory(value: unknown, line: string): Mapped {
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

  if (
    prompt === undefined &&
    !problems.some((problem) => problem.field.startsWith('conversations'))
  ) {
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
  const record: FoundSession['record'] = {
    session_id: `hermes-batch-${String(index)}-${shortHash(identity)}`,
  };
  if (typeof value.completed === 'boolean') {
    record.success = value.completed && value.partial !== true && value.failed !== true;
  }
  if (counts) {
    record.tool_calls = counts.calls;
    record.successful_tool_calls = counts.successful;
  }
  if (turns) record.message_count = turns.filter((turn) => !isSystemTurn(turn)).length;
  // Written when the run ended (`datetime.now()`, local time without a zone): an end time.
  if (typeof timestamp === 'string') record.end_time = timestamp;
  const metrics: Record<string, number> = {};
  if (isCount(value.api_calls)) metrics.api_calls = value.api_calls;
  if (counts) metrics.tools_used = counts.used;
  if (Object.keys(metrics).length > 0) record.metrics = metrics;
  record.hermes = hermesFields(value, meta, turns, counts);
  const modelName = typeof model === 'string' ? model : undefined;
  const fields = { prompt_index: `task_${String(index)}`, ...(modelName && { model: modelName }) };
  return { record, keys: { prompt, model: modelName, fields }, index: index as number };
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
