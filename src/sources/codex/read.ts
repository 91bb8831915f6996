import { forEachJsonLine, type JsonLine } from '../json-lines.js';
import type { FoundSession, SourceFile, SourceRead } from '../types.js';
import { TimeSpan, isCount, isObject, text, timeOf } from '../values.js';

/** The tool calls of one file: by call or item id, whether the call failed. */
type Calls = Map<string, boolean>;

interface Tokens {
  input: number;
  cached: number;
  output: number;
  reasoning: number;
}

/** What one file tells of a thread: a rollout and an `exec --json` stream are read alike. */
interface Part {
  file: string;
  line: number;
  calls: Calls;
  /** The last turn's end: finished (`turn.completed`, `task_complete`) or failed, with why. */
  outcome?: { finished: boolean; error?: string };
  tokens?: Tokens;
  durationMs?: number;
}

interface Thread {
  id: string;
  rollout?: Part;
  stream?: Part;
  prompt?: string;
  model?: string;
  fields: Record<string, string | undefined>;
  span: TimeSpan;
  errors: string[];
}

/** `exec --json` item types that are tool calls. */
const STREAM_TOOL_ITEMS = new Set([
  'command_execution',
  'mcp_tool_call',
  'file_change',
  'web_search',
  'collab_tool_call',
]);
/** Rollout `item_completed` item types that are tool calls. */
const ROLLOUT_TOOL_ITEMS = new Set([
  'CommandExecution',
  'McpToolCall',
  'FileChange',
  'WebSearch',
  'CollabToolCall',
]);
/** Rollout response items that are the model's tool calls. */
const ROLLOUT_CALLS = new Set([
  'function_call',
  'custom_tool_call',
  'local_shell_call',
  'web_search_call',
]);

/** A rollout line's type and, when it comes first, its payload's, as Codex writes them. */
const ROLLOUT_TYPES =
  /^\{"timestamp":"[^"]*",(?:"ordinal":\d+,)?"type":"(\w+)",(?:"payload":\{"type":"(\w+)")?/;
/** Rollout lines that say nothing the reader takes: the world state, per-request usage. */
const UNUSED_LINES = new Set(['world_state', 'token_usage_record']);

/**
 * Whether a rollout line is one the reader has no use for, told from its start (any other line
 * is parsed): instructions, messages and the world state are most of a rollout's bytes.
 */
function unused(text: string): boolean {
  const match = ROLLOUT_TYPES.exec(text.slice(0, 200));
  if (!match) return false;
  const [, type, payloadType] = match;
  if (UNUSED_LINES.has(type as string)) return true;
  return type === 'response_item' && payloadType !== undefined && !ROLLOUT_CALLS.has(payloadType);
}

/**
 * Reads Codex CLI rollouts (`~/.codex/sessions/…/rollout-*.jsonl`) and `codex exec --json`
 * event streams into one session per thread: a rollout and the stream of the same run make one.
 */
export async function readCodex(files: readonly SourceFile[]): Promise<SourceRead> {
  const read: SourceRead = { sessions: [], problems: [], warnings: [] };
  const threads = new Map<string, Thread>();
  for (const file of files) {
    let thread: Thread | undefined;
    let part: Part | undefined;
    let lines = 0;
    const each = ({ value, number }: JsonLine) => {
      lines++;
      if (!isObject(value)) return;
      if (thread === undefined) {
        const start = startOf(value);
        if (start === undefined) return;
        thread = threadOf(threads, start.id);
        part = { file: file.display, line: number, calls: new Map() };
        thread[start.kind] = part;
      }
      if (part === undefined) return;
      if (part === thread.stream) readStreamEvent(value, thread, part);
      else readRolloutLine(value, thread, part);
    };
    await forEachJsonLine(file, read.problems, each, undefined, unused);
    if (lines > 0 && thread === undefined) {
      read.problems.push({
        file: file.display,
        location: '1',
        field: '',
        message:
          'not a Codex log: expected a rollout (first line "session_meta") or an exec --json stream (first line "thread.started")',
      });
    }
  }
  for (const thread of threads.values()) {
    const session = found(thread);
    if (session) read.sessions.push(session);
  }
  return read;
}

function startOf(
  value: Record<string, unknown>,
): { id: string; kind: 'rollout' | 'stream' } | undefined {
  if (value.type === 'thread.started') {
    const id = text(value.thread_id);
    return id === undefined ? undefined : { id, kind: 'stream' };
  }
  if (value.type === 'session_meta' && isObject(value.payload)) {
    const id = text(value.payload.id) ?? text(value.payload.session_id);
    return id === undefined ? undefined : { id, kind: 'rollout' };
  }
  return undefined;
}

function threadOf(threads: Map<string, Thread>, id: string): Thread {
  let thread = threads.get(id);
  if (thread === undefined) {
    thread = { id, fields: {}, span: new TimeSpan(), errors: [] };
    threads.set(id, thread);
  }
  return thread;
}

/** One event of `codex exec --json`. */
function readStreamEvent(event: Record<string, unknown>, thread: Thread, part: Part): void {
  const item = isObject(event.item) ? event.item : undefined;
  if (event.type === 'item.completed' && item && STREAM_TOOL_ITEMS.has(String(item.type))) {
    const id = text(item.id) ?? `#${part.calls.size}`;
    part.calls.set(id, itemFailed(item));
  } else if (event.type === 'turn.completed') {
    part.outcome = { finished: true };
    if (isObject(event.usage)) part.tokens = addTokens(part.tokens, event.usage);
  } else if (event.type === 'turn.failed') {
    const error = isObject(event.error) ? text(event.error.message) : undefined;
    part.outcome = { finished: false, ...(error !== undefined && { error }) };
    if (error !== undefined) thread.errors.push(error);
  }
}

/** A tool item failed: `status: failed`, a non-zero exit code, or an MCP `error`. */
function itemFailed(item: Record<string, unknown>): boolean {
  if (item.status === 'failed' || item.status === 'declined') return true;
  const exit = item.exit_code ?? item.exitCode;
  if (typeof exit === 'number' && exit !== 0) return true;
  return item.error !== undefined && item.error !== null;
}

/** One line of a rollout: `{timestamp, type, payload}`. */
function readRolloutLine(line: Record<string, unknown>, thread: Thread, part: Part): void {
  const payload = isObject(line.payload) ? line.payload : {};
  thread.span.add(timeOf(line.timestamp));
  switch (line.type) {
    case 'session_meta':
      thread.fields.cwd ??= text(payload.cwd);
      thread.fields.originator ??= text(payload.originator);
      thread.fields.cli_version ??= text(payload.cli_version);
      thread.fields.model_provider ??= text(payload.model_provider);
      return;
    case 'turn_context':
      thread.model ??= text(payload.model);
      return;
    case 'response_item':
      if (ROLLOUT_CALLS.has(String(payload.type))) {
        const id = text(payload.call_id) ?? text(payload.id) ?? `#${part.calls.size}`;
        if (!part.calls.has(id)) part.calls.set(id, false);
      }
      return;
    case 'event_msg':
      readRolloutEvent(payload, thread, part);
      return;
  }
}

function readRolloutEvent(event: Record<string, unknown>, thread: Thread, part: Part): void {
  const item = isObject(event.item) ? event.item : undefined;
  switch (event.type) {
    case 'item_completed':
      if (item?.type === 'UserMessage' && thread.prompt === undefined) {
        thread.prompt = userText(item.content);
      } else if (item && ROLLOUT_TOOL_ITEMS.has(String(item.type))) {
        const id = text(item.id) ?? `#${part.calls.size}`;
        part.calls.set(id, itemFailed(item));
      }
      return;
    case 'user_message':
      thread.prompt ??= text(event.message);
      return;
    case 'exec_command_end':
    case 'patch_apply_end':
    case 'mcp_tool_call_end': {
      const id = text(event.call_id) ?? `#${part.calls.size}`;
      const result = isObject(event.result) ? event.result : undefined;
      const failed =
        (typeof event.exit_code === 'number' && event.exit_code !== 0) ||
        event.success === false ||
        (result !== undefined && 'Err' in result);
      part.calls.set(id, failed || part.calls.get(id) === true);
      return;
    }
    case 'token_count':
      if (isObject(event.info) && isObject(event.info.total_token_usage)) {
        part.tokens = addTokens(undefined, event.info.total_token_usage);
      }
      return;
    case 'task_complete': {
      const error = isObject(event.error) ? text(event.error.message) : undefined;
      part.outcome = { finished: error === undefined, ...(error !== undefined && { error }) };
      if (error !== undefined) thread.errors.push(error);
      if (isCount(event.duration_ms)) part.durationMs = (part.durationMs ?? 0) + event.duration_ms;
      return;
    }
    case 'turn_aborted':
      part.outcome = { finished: false, error: `turn aborted (${String(event.reason)})` };
      return;
  }
}

function userText(content: unknown): string | undefined {
  if (!Array.isArray(content)) return undefined;
  const texts = content.filter(isObject).map((block) => text(block.text) ?? '');
  const joined = texts.join('\n');
  return joined.trim() === '' ? undefined : joined;
}

function addTokens(sum: Tokens | undefined, usage: Record<string, unknown>): Tokens {
  const count = (field: string) => (isCount(usage[field]) ? usage[field] : 0);
  return {
    input: (sum?.input ?? 0) + count('input_tokens'),
    cached: (sum?.cached ?? 0) + count('cached_input_tokens'),
    output: (sum?.output ?? 0) + count('output_tokens'),
    reasoning: (sum?.reasoning ?? 0) + count('reasoning_output_tokens'),
  };
}

function found(thread: Thread): FoundSession | undefined {
  const first = thread.rollout ?? thread.stream;
  if (first === undefined) return undefined;
  // Both files list the same calls under different ids: count them from one.
  const calls = (thread.rollout ?? thread.stream)!.calls;
  const failed = [...calls.values()].filter(Boolean).length;
  const record: FoundSession['record'] = {
    session_id: thread.id,
    tool_calls: calls.size,
    successful_tool_calls: calls.size - failed,
  };
  // The end of the run as Codex reports it: finished is not solved, only not failed.
  const outcome = thread.stream?.outcome ?? thread.rollout?.outcome;
  if (outcome !== undefined) record.success = outcome.finished;
  const duration = thread.rollout?.durationMs;
  if (duration !== undefined) record.completion_time_seconds = duration / 1000;
  Object.assign(record, thread.span.fields(false));
  if (thread.errors.length > 0) record.errors = [...new Set(thread.errors)];
  const tokens = thread.stream?.tokens ?? thread.rollout?.tokens;
  if (tokens !== undefined) {
    record.metrics = {
      input_tokens: tokens.input,
      cached_input_tokens: tokens.cached,
      output_tokens: tokens.output,
      reasoning_output_tokens: tokens.reasoning,
    };
  }
  const codex: Record<string, unknown> = {};
  if (outcome !== undefined) codex.finished = outcome.finished;
  for (const [field, value] of Object.entries({ model: thread.model, ...thread.fields })) {
    if (value !== undefined) codex[field] = value;
  }
  record.codex = codex;
  const files = [thread.rollout?.file, thread.stream?.file].filter(
    (file): file is string => file !== undefined,
  );
  return {
    file: first.file,
    location: String(first.line),
    files,
    record,
    keys: {
      prompt: thread.prompt,
      model: thread.model,
      fields: { ...thread.fields, thread_id: thread.id },
    },
  };
}
