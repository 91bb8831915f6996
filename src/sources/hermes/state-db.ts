import type { Database, SqlValue } from 'sql.js';
import { open } from 'node:fs/promises';
import { describeValue } from '../../records/describe-value.js';
import type { FieldProblem } from '../../records/schema.js';
import type { RecordProblem } from '../../records/types.js';
import type { FoundSession, SourceFile, SourceOptions, SourceRead } from '../types.js';
import { forEachJsonLine } from '../json-lines.js';
import { isCount, isObject } from '../values.js';
import { MessageTally, type MessageRow } from './message-tally.js';
import { readDatabaseImage, sqlEngine } from './sqlite-file.js';

/**
 * `end_reason` values that say a session failed: `success` false. Every other value is a stamp
 * of how the session was closed (`cli_close`, `new_session`, `tui_close`, `agent_close`, and
 * `cron_complete`, which Hermes writes even for a crashed job) and says nothing of the outcome.
 */
export const FAILURE_END_REASONS: readonly string[] = [
  'cron_incomplete_no_output',
  'cron_failed',
  'error',
  'failed',
  'exception',
  'timeout',
];

/** `source` values of sessions Hermes starts itself: left out unless subagents are kept. */
const SIDE_SOURCES = new Set(['subagent', 'tool']);

/** The columns read, by table. The first ones of each are required; the others may be absent. */
const SESSION_COLUMNS = {
  required: ['id', 'started_at'],
  optional: [
    'ended_at',
    'end_reason',
    'title',
    'title_source',
    'message_count',
    'tool_call_count',
    'input_tokens',
    'output_tokens',
    'api_call_count',
    'actual_cost_usd',
    'estimated_cost_usd',
    'source',
    'model',
    'parent_session_id',
    'cwd',
  ],
} as const;
const MESSAGE_COLUMNS = {
  required: ['session_id', 'role', 'content'],
  optional: ['tool_call_id', 'tool_calls', 'finish_reason', 'active', 'compacted'],
} as const;
const ALL_SESSION_COLUMNS = [...SESSION_COLUMNS.required, ...SESSION_COLUMNS.optional];

export type SessionRow = Record<(typeof ALL_SESSION_COLUMNS)[number], SqlValue>;

/** Record fields named by the column they come from, in problems. */
const ORIGINS: Readonly<Record<string, string>> = {
  start_time: 'started_at',
  end_time: 'ended_at',
  completion_time_seconds: 'ended_at',
  tool_calls: 'tool_call_count',
  message_count: 'message_count',
};

/**
 * Reads Hermes session databases (`~/.hermes/state.db`, with the transactions still in its
 * `-wal` applied, never written) and `hermes sessions export` JSON Lines: one session per row of
 * `sessions`, counted from its messages, mapped as the README describes. Subagent sessions are
 * left out unless `subagents` is `keep`.
 */
export async function readHermesDb(
  files: readonly SourceFile[],
  options: SourceOptions,
): Promise<SourceRead> {
  const read: SourceRead = { sessions: [], problems: [], warnings: [] };
  for (const file of files) {
    const kind = await kindOf(file);
    if (kind === 'export') await readExport(file, options, read);
    else if (kind === 'database') await readDatabase(file, options, read);
    else read.problems.push({ file: file.display, location: '', field: '', message: kind.problem });
  }
  return read;
}

async function readDatabase(
  file: SourceFile,
  options: SourceOptions,
  read: SourceRead,
): Promise<void> {
  const fileProblem = (message: string, where = file.display) =>
    read.problems.push({ file: where, location: '', field: '', message });
  const image = await readDatabaseImage(file.absolute);
  if ('problem' in image) return void fileProblem(image.problem);
  if (image.walProblem !== undefined) fileProblem(image.walProblem, `${file.display}-wal`);

  const SQL = await sqlEngine();
  let db: Database | undefined;
  try {
    db = new SQL.Database(image.bytes);
    readSessions(db, file.display, options, read);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    fileProblem(`not a readable SQLite database (${reason})`);
  } finally {
    db?.close();
  }
}

function readSessions(db: Database, file: string, options: SourceOptions, read: SourceRead): void {
  const missing = missingSchema(db);
  if (missing !== undefined) {
    read.problems.push({
      file,
      location: '',
      field: '',
      message: `not a Hermes session database: ${missing}`,
    });
    return;
  }
  const select = selectList(columnsOf(db, 'sessions'), ALL_SESSION_COLUMNS);
  const wanted: Wanted[] = [];
  forEachRow(db, `SELECT ${select} FROM sessions`, (values, position) => {
    const row = Object.fromEntries(
      ALL_SESSION_COLUMNS.map((column, i) => [column, values[i] ?? null]),
    ) as SessionRow;
    const location =
      typeof row.id === 'string' || typeof row.id === 'number'
        ? `sessions[${JSON.stringify(String(row.id))}]`
        : `sessions[${position}]`;
    const kept = keepSession(row, location, file, options, read.problems);
    if (kept !== undefined) wanted.push(kept);
  });
  // In time order: ORDER BY in SQL would put times written as text after all numbers.
  wanted.sort((a, b) => a.started - b.started || compareIds(a.row.id, b.row.id));

  const tallies = tallyMessages(db, wanted, (sessions) =>
    options.onProgress?.({ sessions, done: sessions, total: wanted.length }),
  );
  for (const { row, location, started } of wanted) {
    addSession(row, started, tallies.get(String(row.id)), file, location, read);
  }
  options.onProgress?.({ sessions: wanted.length, done: wanted.length, total: wanted.length });
}

interface Wanted {
  row: SessionRow;
  location: string;
  started: number;
}

/** A session row to read, or undefined: a bad start (reported), too early, or a subagent's. */
function keepSession(
  row: SessionRow,
  location: string,
  file: string,
  options: SourceOptions,
  problems: RecordProblem[],
): Wanted | undefined {
  const started = hermesTime(row.started_at);
  if (started === undefined || started === null) {
    const problem =
      started === undefined
        ? { field: 'started_at', message: 'required, missing' }
        : timeProblem('started_at', row.started_at);
    problems.push({ file, location, ...problem });
    return undefined;
  }
  const since = options.since?.getTime();
  if (since !== undefined && started < since) return undefined;
  if (
    options.subagents !== 'keep' &&
    typeof row.source === 'string' &&
    SIDE_SOURCES.has(row.source)
  ) {
    return undefined;
  }
  return { row, location, started };
}

function addSession(
  row: SessionRow,
  started: number,
  tally: MessageTally | undefined,
  file: string,
  location: string,
  read: SourceRead,
): void {
  const mapped = mapSession(row, started, tally);
  if ('problems' in mapped) {
    for (const { field, message } of mapped.problems) {
      read.problems.push({ file, location, field, message });
    }
    return;
  }
  read.sessions.push({ file, location, files: [file], ...mapped, origins: ORIGINS });
}

function selectList(present: ReadonlySet<string>, columns: readonly string[]): string {
  return columns
    .map((column) => (present.has(column) ? `"${column}"` : `NULL AS "${column}"`))
    .join(', ');
}

function compareIds(a: SqlValue, b: SqlValue): number {
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** What the database lacks of the tables and columns read, in words; undefined when nothing. */
function missingSchema(db: Database): string | undefined {
  const needed: [string, readonly string[]][] = [
    ['sessions', SESSION_COLUMNS.required],
    ['messages', MESSAGE_COLUMNS.required],
  ];
  const tables = new Set<string>();
  forEachRow(db, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')", ([name]) => {
    tables.add(String(name));
  });
  const absent = needed.filter(([table]) => !tables.has(table)).map(([table]) => `"${table}"`);
  if (absent.length > 0) return `no table${absent.length > 1 ? 's' : ''} ${absent.join(' or ')}`;
  for (const [table, columns] of needed) {
    const present = columnsOf(db, table);
    const lacking = columns.filter((column) => !present.has(column)).map((c) => `"${c}"`);
    if (lacking.length > 0) {
      const noun = lacking.length > 1 ? 'columns' : 'column';
      return `table "${table}" has no ${noun} ${lacking.join(' or ')}`;
    }
  }
  return undefined;
}

function columnsOf(db: Database, table: string): Set<string> {
  const columns = new Set<string>();
  forEachRow(db, `PRAGMA table_info("${table}")`, (row) => columns.add(String(row[1])));
  return columns;
}

function forEachRow(
  db: Database,
  sql: string,
  each: (row: SqlValue[], position: number) => void,
): void {
  const statement = db.prepare(sql);
  try {
    for (let position = 0; statement.step(); position++) each(statement.get(), position);
  } finally {
    statement.free();
  }
}

/**
 * One pass over the messages of the `wanted` sessions, in session and row order, tallied per
 * session (`MessageTally`). `progress` hears the number of sessions done.
 */
function tallyMessages(
  db: Database,
  wanted: readonly Wanted[],
  progress: (sessions: number) => void,
): Map<string, MessageTally> {
  db.run('CREATE TEMP TABLE ab_wanted (id PRIMARY KEY)');
  const insert = db.prepare('INSERT OR IGNORE INTO ab_wanted VALUES (?)');
  try {
    for (const { row } of wanted) insert.run([row.id]);
  } finally {
    insert.free();
  }
  const present = columnsOf(db, 'messages');
  const columns = [...MESSAGE_COLUMNS.required, ...MESSAGE_COLUMNS.optional];
  const select = selectList(present, columns);
  const tallies = new Map<string, MessageTally>();
  let current: MessageTally | undefined;
  let currentId: SqlValue | undefined;
  forEachRow(
    db,
    `SELECT ${select} FROM messages WHERE session_id IN (SELECT id FROM temp.ab_wanted)
     ORDER BY session_id, rowid`,
    (values) => {
      const [sessionId] = values;
      if (current === undefined || sessionId !== currentId) {
        if (current !== undefined) progress(tallies.size);
        current = new MessageTally();
        currentId = sessionId;
        tallies.set(String(sessionId), current);
      }
      const row = Object.fromEntries(columns.map((column, i) => [column, values[i]]));
      current.add(row as unknown as MessageRow);
    },
  );
  return tallies;
}

/** The lines of `hermes sessions export`: a session row with its `messages`, per line. */
async function readExport(
  file: SourceFile,
  options: SourceOptions,
  read: SourceRead,
): Promise<void> {
  let lines = 0;
  await forEachJsonLine(file, read.problems, ({ value, number }) => {
    lines++;
    const location = String(number);
    if (!isObject(value) || !Array.isArray(value.messages) || value.id === undefined) {
      read.problems.push({
        file: file.display,
        location,
        field: '',
        message:
          'not a Hermes session: expected a state.db, or a line of `hermes sessions export` ({id, started_at, …, messages: […]})',
      });
      return;
    }
    const row = Object.fromEntries(
      ALL_SESSION_COLUMNS.map((column) => [column, sqlValue(value[column])]),
    ) as SessionRow;
    const kept = keepSession(row, location, file.display, options, read.problems);
    if (kept === undefined) return;
    const tally = new MessageTally();
    for (const message of value.messages) {
      if (isObject(message)) tally.add(message as unknown as MessageRow);
    }
    addSession(row, kept.started, tally, file.display, location, read);
    options.onProgress?.({ sessions: lines, done: lines, total: lines });
  });
}

/** A JSON value as SQLite would hold it: objects and arrays as their JSON text. */
function sqlValue(value: unknown): SqlValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return JSON.stringify(value);
}

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * A database (or a file the database reader says why it cannot read), or export JSON Lines
 * (their first character is `{`), or neither.
 */
async function kindOf(file: SourceFile): Promise<'database' | 'export' | { problem: string }> {
  let start: string;
  try {
    const handle = await open(file.absolute, 'r');
    try {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(64), 0, 64, 0);
      start = buffer.subarray(0, bytesRead).toString('latin1');
    } finally {
      await handle.close();
    }
  } catch {
    return 'database'; // its reader says why it cannot be read
  }
  if (start === '' || start.startsWith(SQLITE_HEADER)) return 'database';
  if (
    start
      .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
      .trimStart()
      .startsWith('{')
  )
    return 'export';
  return {
    problem:
      'not a Hermes session database: not an SQLite file, nor the JSON Lines of `hermes sessions export`',
  };
}

/** One session row, with its messages' tally, as a found session (not yet validated). */
export function mapSession(
  row: SessionRow,
  started: number,
  tally: MessageTally | undefined,
): Pick<FoundSession, 'record' | 'keys'> | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const { id } = row;
  if (id === null || id === '') problems.push({ field: 'id', message: 'required, missing' });
  else if (typeof id !== 'string' && typeof id !== 'number') {
    problems.push({ field: 'id', message: `expected a string, got ${describeSql(id)}` });
  }

  let ended: number | undefined;
  if (row.ended_at !== null) {
    const time = hermesTime(row.ended_at);
    if (time === null || time === undefined) problems.push(timeProblem('ended_at', row.ended_at));
    else if (time < started) {
      problems.push({
        field: 'ended_at',
        message: `expected a time at or after started_at (${isoTime(started)}), got ${isoTime(time)}`,
      });
    } else ended = time;
  }

  const counted = (column: 'message_count' | 'tool_call_count'): number | undefined => {
    const value = row[column];
    if (value === null) return undefined;
    if (isCount(value)) return value;
    problems.push({
      field: column,
      message: `expected a whole number >= 0, got ${describeSql(value)}`,
    });
    return undefined;
  };
  const messageCount = counted('message_count');
  const toolCallCount = counted('tool_call_count');

  const metrics: Record<string, number> = {};
  const metric = (name: string, column: keyof SessionRow): void => {
    const value = row[column];
    if (value === null) return;
    if (typeof value === 'number' && Number.isFinite(value)) metrics[name] = value;
    else problems.push({ field: column, message: `expected a number, got ${describeSql(value)}` });
  };
  metric('input_tokens', 'input_tokens');
  metric('output_tokens', 'output_tokens');
  metric('api_calls', 'api_call_count');
  metric('cost_usd', row.actual_cost_usd !== null ? 'actual_cost_usd' : 'estimated_cost_usd');
  if (problems.length > 0) return { problems };

  const record: FoundSession['record'] = { session_id: String(id) };
  const success = successOf(row.end_reason, tally);
  if (success !== undefined) record.success = success;
  if (tally !== undefined) {
    record.tool_calls = tally.toolCalls;
    record.successful_tool_calls = tally.toolCalls - tally.failedToolCalls;
  } else if (toolCallCount !== undefined) {
    record.tool_calls = toolCallCount;
  }
  if (ended !== undefined) record.completion_time_seconds = (ended - started) / 1000;
  // Hermes' own count, which compaction resets to the live rows; else the live rows.
  const messages = messageCount ?? tally?.liveRows;
  if (messages !== undefined) record.message_count = messages;
  record.start_time = isoTime(started);
  if (ended !== undefined) record.end_time = isoTime(ended);
  if (Object.keys(metrics).length > 0) record.metrics = metrics;
  const hermes: Record<string, unknown> = {};
  const kept = ['source', 'model', 'end_reason', 'title', 'parent_session_id'] as const;
  for (const column of kept) {
    if (row[column] !== null) hermes[column] = row[column];
  }
  record.hermes = hermes;
  const fields: Record<string, string | undefined> = { session_id: String(id) };
  for (const column of ['title', 'source', 'model', 'cwd'] as const) {
    const value = row[column];
    if (typeof value === 'string' && value.trim() !== '') fields[column] = value.trim();
  }
  return {
    record,
    keys: { prompt: tally?.prompt, model: fields.model, fields },
  };
}

/**
 * `success`: false for a failure stamp (`FAILURE_END_REASONS`), else what the live history shows
 * (a final answer: true; the iteration limit's forced summary: false), else absent.
 */
function successOf(reason: SqlValue, tally: MessageTally | undefined): boolean | undefined {
  if (typeof reason === 'string' && FAILURE_END_REASONS.includes(reason.trim().toLowerCase())) {
    return false;
  }
  return tally?.outcome;
}

/** ISO 8601 with an optional time, fraction and zone; a space may stand for the `T`. */
const ISO_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?)?(?:[Zz]|([+-]\d{2})(?::?(\d{2}))?)?$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Epoch numbers from here up are milliseconds: as seconds, they would be after the year 5000. */
const MILLISECONDS_FROM = 1e11;

/**
 * A Hermes time as epoch milliseconds. Hermes writes epoch seconds (`time.time()`, a REAL);
 * epoch milliseconds, numeric text and ISO 8601 text are accepted too, ISO text without a zone
 * as UTC (as SQLite's own date functions write it). Undefined when absent (NULL), null when not
 * a time.
 */
export function hermesTime(value: SqlValue): number | undefined | null {
  if (value === null) return undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    if (NUMBER.test(text)) return hermesTime(Number(text));
    const match = ISO_TIME.exec(text);
    if (!match) return null;
    const [, date, clock = '00:00', seconds = ':00', zoneHours, zoneMinutes = '00'] = match;
    const zone = zoneHours === undefined ? 'Z' : `${zoneHours}:${zoneMinutes}`;
    const time = Date.parse(`${date}T${clock}${seconds.slice(0, 7)}${zone}`);
    return Number.isNaN(time) ? null : time;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return null;
  const time = value >= MILLISECONDS_FROM ? value : value * 1000;
  return time <= MAX_TIME ? time : null;
}

/** The last time a `Date` holds. */
const MAX_TIME = 8.64e15;

function isoTime(time: number): string {
  return new Date(time).toISOString();
}

function timeProblem(field: string, value: SqlValue): FieldProblem {
  return {
    field,
    message: `expected epoch seconds or an ISO 8601 date-time, got ${describeSql(value)}`,
  };
}

function describeSql(value: SqlValue): string {
  return value instanceof Uint8Array ? `a blob of ${value.length} bytes` : describeValue(value);
}
