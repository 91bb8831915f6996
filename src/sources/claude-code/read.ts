import { forEachJsonLine, type JsonLine } from '../json-lines.js';
import type { FoundSession, SourceFile, SourceOptions, SourceRead } from '../types.js';
import { TimeSpan, isCount, isObject, text, timeOf } from '../values.js';

/** Token counts of one API message; a reply written as several lines repeats them. */
interface Usage {
  input: number;
  output: number;
  cacheRead: number;
  cacheCreation: number;
}

/** Everything seen of one session id, over all the files given. */
interface Session {
  id: string;
  files: Set<string>;
  /** Where it was first seen: a transcript line wins over a result line. */
  file: string;
  location: string;
  fromTranscript: boolean;
  prompt?: string;
  queuedPrompt?: string;
  model?: string;
  fields: Record<string, string | undefined>;
  span: TimeSpan;
  /** Tool calls by `tool_use` id: whether the call ran in a sidechain. */
  calls: Map<string, boolean>;
  /** Tool results by `tool_use_id`: whether they were errors. */
  results: Map<string, boolean>;
  /** Usage by API message id (the largest count seen of each field). */
  usage: Map<string, Usage>;
  userTurns: number;
  replies: Set<string>;
  result?: Record<string, unknown>;
}

/**
 * Reads Claude Code transcripts and `-p` results (json or stream-json) into one session per
 * session id, whatever files hold it: a transcript and its result make one session.
 */
export async function readClaudeCode(
  files: readonly SourceFile[],
  options: SourceOptions,
): Promise<SourceRead> {
  const read: SourceRead = { sessions: [], problems: [], warnings: [] };
  const sessions = new Map<string, Session>();
  const fold = (options.subagents ?? 'fold') === 'fold';
  for (const file of files) {
    let understood = 0;
    let lines = 0;
    await forEachJsonLine(file, read.problems, (line) => {
      lines++;
      if (readLine(line, file.display, sessions, fold)) understood++;
    });
    if (lines > 0 && understood === 0) {
      read.problems.push({
        file: file.display,
        location: '',
        field: '',
        message:
          'not a Claude Code transcript or result: expected lines with "sessionId" (a transcript) or a "result" line with "session_id"',
      });
    }
  }
  for (const session of sessions.values()) read.sessions.push(found(session));
  return read;
}

/** Takes in one line; false when it is not a line of a Claude Code log. */
function readLine(
  { value, number }: JsonLine,
  file: string,
  sessions: Map<string, Session>,
  fold: boolean,
): boolean {
  if (!isObject(value)) return false;
  if (text(value.agentType) !== undefined && text(value.toolUseId) !== undefined) return true;
  const transcriptId = text(value.sessionId);
  const id = transcriptId ?? text(value.session_id);
  if (id === undefined) return value.type === 'summary' && text(value.leafUuid) !== undefined;
  const session = sessionOf(sessions, id, file, number, transcriptId !== undefined);
  if (value.type === 'result') {
    session.result = value;
    return true;
  }
  // Subagent lines: `isSidechain` in transcripts, `parent_tool_use_id` in a stream-json stream.
  const sidechain = value.isSidechain === true || text(value.parent_tool_use_id) !== undefined;
  if (sidechain && !fold) return true;
  if (!sidechain) session.span.add(timeOf(value.timestamp));
  if (value.type === 'queue-operation' && value.operation === 'enqueue') {
    session.queuedPrompt ??= text(value.content);
  }
  if (value.type === 'system' && value.subtype === 'init') {
    session.model ??= text(value.model);
    session.fields.cwd ??= text(value.cwd);
    session.fields.version ??= text(value.claude_code_version);
  }
  if (!sidechain && transcriptId !== undefined) {
    session.fields.cwd ??= text(value.cwd);
    session.fields.version ??= text(value.version);
    session.fields.git_branch ??= text(value.gitBranch);
  }
  const message = isObject(value.message) ? value.message : undefined;
  if (message === undefined) return true;
  if (value.type === 'assistant') readReply(message, session, sidechain);
  else if (value.type === 'user') readUserTurn(message, value, session, sidechain);
  return true;
}

function sessionOf(
  sessions: Map<string, Session>,
  id: string,
  file: string,
  line: number,
  transcript: boolean,
): Session {
  let session = sessions.get(id);
  if (session === undefined) {
    session = {
      id,
      files: new Set(),
      file,
      location: String(line),
      fromTranscript: transcript,
      fields: {},
      span: new TimeSpan(),
      calls: new Map(),
      results: new Map(),
      usage: new Map(),
      userTurns: 0,
      replies: new Set(),
    };
    sessions.set(id, session);
  } else if (transcript && !session.fromTranscript) {
    Object.assign(session, { file, location: String(line), fromTranscript: true });
  }
  session.files.add(file);
  return session;
}

/** An assistant line: one content block of a reply, with the reply's whole usage. */
function readReply(message: Record<string, unknown>, session: Session, sidechain: boolean): void {
  const id = text(message.id);
  if (!sidechain) {
    session.model ??= text(message.model);
    if (id !== undefined) session.replies.add(id);
  }
  if (id !== undefined && isObject(message.usage)) {
    const usage = message.usage;
    const seen = session.usage.get(id) ?? { input: 0, output: 0, cacheRead: 0, cacheCreation: 0 };
    const count = (field: string) => (isCount(usage[field]) ? usage[field] : 0);
    seen.input = Math.max(seen.input, count('input_tokens'));
    seen.output = Math.max(seen.output, count('output_tokens'));
    seen.cacheRead = Math.max(seen.cacheRead, count('cache_read_input_tokens'));
    seen.cacheCreation = Math.max(seen.cacheCreation, count('cache_creation_input_tokens'));
    session.usage.set(id, seen);
  }
  for (const block of blocks(message.content)) {
    const callId = text(block.id);
    if (block.type === 'tool_use' && callId !== undefined) session.calls.set(callId, sidechain);
  }
}

/** A user line: the prompt, or tool results (`is_error: true` marks a failure; it is often absent on success). */
function readUserTurn(
  message: Record<string, unknown>,
  line: Record<string, unknown>,
  session: Session,
  sidechain: boolean,
): void {
  const content = message.content;
  let results = 0;
  for (const block of blocks(content)) {
    const callId = text(block.tool_use_id);
    if (block.type !== 'tool_result' || callId === undefined) continue;
    results++;
    session.results.set(callId, (session.results.get(callId) ?? false) || block.is_error === true);
  }
  if (sidechain || line.isMeta === true) return;
  session.userTurns++;
  if (results > 0 || session.prompt !== undefined) return;
  const prompt =
    typeof content === 'string'
      ? content
      : blocks(content)
          .map((block) => (block.type === 'text' ? (text(block.text) ?? '') : ''))
          .join('\n');
  // Slash commands and their output are written as user lines in tags: not the task.
  if (prompt.trim() !== '' && !/^\s*<(command|local-command)/.test(prompt)) session.prompt = prompt;
}

function blocks(content: unknown): Record<string, unknown>[] {
  return Array.isArray(content) ? content.filter(isObject) : [];
}

function found(session: Session): FoundSession {
  const record: FoundSession['record'] = { session_id: session.id };
  const { result } = session;
  let failed = 0;
  for (const callId of session.calls.keys()) if (session.results.get(callId) === true) failed++;
  if (session.calls.size > 0 || session.fromTranscript) {
    record.tool_calls = session.calls.size;
    record.successful_tool_calls = session.calls.size - failed;
  }
  if (session.fromTranscript || session.replies.size > 0) {
    record.message_count = session.userTurns + session.replies.size;
  }
  const metrics: Record<string, number> = {};
  const claude: Record<string, unknown> = {};
  if (result !== undefined) {
    record.success = result.subtype === 'success' && result.is_error === false;
    const duration = result.duration_ms;
    if (typeof duration === 'number' && duration >= 0) {
      record.completion_time_seconds = duration / 1000;
    }
    if (typeof result.total_cost_usd === 'number') metrics.cost_usd = result.total_cost_usd;
    if (isCount(result.num_turns)) metrics.turns = result.num_turns;
    const usage = isObject(result.usage) ? result.usage : {};
    for (const field of [
      'input_tokens',
      'output_tokens',
      'cache_read_input_tokens',
      'cache_creation_input_tokens',
    ]) {
      if (isCount(usage[field])) metrics[field] = usage[field];
    }
    const errors = Array.isArray(result.errors) ? result.errors.filter(isText) : [];
    if (errors.length > 0) record.errors = errors;
    for (const field of ['subtype', 'stop_reason', 'terminal_reason']) {
      if (result[field] !== undefined && result[field] !== null) claude[field] = result[field];
    }
    session.model ??= isObject(result.modelUsage) ? Object.keys(result.modelUsage)[0] : undefined;
  } else if (session.usage.size > 0) {
    // One reply is written as one line per content block, each with the whole usage: once per id.
    const sum = { input: 0, output: 0, cacheRead: 0, cacheCreation: 0 };
    for (const usage of session.usage.values()) {
      sum.input += usage.input;
      sum.output += usage.output;
      sum.cacheRead += usage.cacheRead;
      sum.cacheCreation += usage.cacheCreation;
    }
    metrics.input_tokens = sum.input;
    metrics.output_tokens = sum.output;
    metrics.cache_read_input_tokens = sum.cacheRead;
    metrics.cache_creation_input_tokens = sum.cacheCreation;
  }
  Object.assign(record, session.span.fields(record.completion_time_seconds === undefined));
  if (Object.keys(metrics).length > 0) record.metrics = metrics;
  const sidechainCalls = [...session.calls.values()].filter(Boolean).length;
  if (sidechainCalls > 0) claude.subagent_tool_calls = sidechainCalls;
  if (session.model !== undefined) claude.model = session.model;
  if (session.fields.cwd !== undefined) claude.cwd = session.fields.cwd;
  if (session.fields.version !== undefined) claude.version = session.fields.version;
  if (Object.keys(claude).length > 0) record.claude_code = claude;
  return {
    file: session.file,
    location: session.location,
    files: [...session.files],
    record,
    keys: {
      prompt: session.prompt ?? session.queuedPrompt,
      model: session.model,
      fields: { ...session.fields, session_id: session.id },
    },
  };
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}
