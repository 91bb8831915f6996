import type { Database, SqlValue } from 'sql.js';
import { describeValue } from '../describe-value.js';
import type { FieldProblem } from '../schema.js';
import {
  acceptRecord,
  checkVariant,
  isCount,
  promptTaskId,
  reportProblems,
  type HermesReadOptions,
  type HermesReadResult,
} from './common.js';
import { readDatabaseImage, sqlEngine } from './sqlite-file.js';
import { toolResultFailed } from './tool-result.js';

export interface HermesDbOptions extends HermesReadOptions {
  /** Only sessions that started at or after this time. */
  since?: Date;
  /**
   * What pairs the sessions of two databases: `title` (the default), the session's title when it
   * has one, else a hash of its first user message; `prompt`, always that hash, to pair with
   * `readHermesBatch` (whose task ids are the same hash of the same prompt) or to ignore titles.
   */
  taskId?: 'title' | 'prompt';
  /** Which `end_reason` values mean what; see `SUCCESS_END_REASONS`. */
  endReasons?: { success?: readonly string[]; unknown?: readonly string[] };
}

/** `end_reason` values of a session that solved its task: `success` true. */
export const SUCCESS_END_REASONS: readonly string[] = [
  'completed',
  'complete',
  'success',
  'succeeded',
  'done',
  'end_turn',
  'stop',
  'cron_complete',
];

/**
 * `end_reason` values that say how a session was closed, not whether it solved its task:
 * `success` absent. Hermes writes these when the CLI exits (`cli_close`), when it starts a new
 * session (`new_session`, `/new`, `/reset`) and when context compression continues a session in
 * a new one (`compression`). Every other value, `cron_incomplete_no_output` for one, is a
 * failure: `success` false.
 */
export const UNKNOWN_END_REASONS: readonly string[] = [
  'cli_close',
  'new_session',
  'compression',
  'reset',
  'session_reset',
  'user_exit',
  'exit',
];

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
  ],
} as const;
const MESSAGE_COLUMNS = ['session_id', 'role', 'content'] as const;

type SessionRow = Record<
  (typeof SESSION_COLUMNS)['optional'][number] | 'id' | 'started_at',
  SqlValue
>;

/** What the messages of one session add up to. */
interface MessageTally {
  messages: number;
  toolResults: number;
  failedToolResults: number;
  /** The first user message's text; undefined when there is none. */
  firstUserMessage: string | undefined;
}

/** Record fields named by the column they come from, in problems. */
const SOURCES: Readonly<Record<string, string>> = {
  session_id: 'id',
  task_id: 'title',
  start_time: 'started_at',
  end_time: 'ended_at',
  completion_time_seconds: 'ended_at',
  tool_calls: 'tool_call_count',
};

/**
 * Reads the sessions of a Hermes session database (`~/.hermes/state.db`), one session record per
 * row of `sessions`, with the tool calls and messages counted from `messages`, mapped as
 * `README.md` beside this file describes. Recent writes still in the `-wal` file beside it are
 * included. The database is read into memory (sql.js); it is never written.
 *
 * @throws TypeError when `options.variant` is empty: a caller's mistake, not the file's.
 */
export async function readHermesDb(
  file: string,
  options: HermesDbOptions,
): Promise<HermesReadResult> {
  checkVariant(options);
  const result: HermesReadResult = { records: [], problems: [] };
  const fileProblem = (message: string, where = file): HermesReadResult => {
    result.problems.push({ file: where, location: '', field: '', message });
    return result;
  };

  const image = await readDatabaseImage(file);
  if ('problem' in image) return fileProblem(image.problem);
  if (image.walProblem !== undefined) fileProblem(image.walProblem, `${file}-wal`);

  const SQL = await sqlEngine();
  let db: Database | undefined;
  try {
    db = new SQL.Database(image.bytes);
    readSessions(db, file, options, result);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    fileProblem(`not a readable SQLite database (${reason})`);
  } finally {
    db?.close();
  }
  return result;
}

function readSessions(
  db: Database,
  file: string,
  options: HermesDbOptions,
  result: HermesReadResult,
): void {
  const missing = missingSchema(db);
  if (missing !== undefined) {
    result.problems.push({
      file,
      location: '',
      field: '',
      message: `not a Hermes session database: ${missing}`,
    });
    return;
  }
  const sessionColumns = columnsOf(db, 'sessions');
  const select = [...SESSION_COLUMNS.required, ...SESSION_COLUMNS.optional]
    .map((column) => (sessionColumns.has(column) ? `"${column}"` : `NULL AS "${column}"`))
    .join(', ');
  const since = options.since?.getTime();
  const wanted: { row: SessionRow; location: string; started: number }[] = [];
  forEachRow(db, `SELECT ${select} FROM sessions`, (values, position) => {
    const row = Object.fromEntries(
      [...SESSION_COLUMNS.required, ...SESSION_COLUMNS.optional].map((column, i) => [
        column,
        values[i] ?? null,
      ]),
    ) as SessionRow;
    const location =
      typeof row.id === 'string' || typeof row.id === 'number'
        ? `sessions[${JSON.stringify(String(row.id))}]`
        : `sessions[${position}]`;
    const started = hermesTime(row.started_at);
    if (started === undefined || started === null) {
      const problem =
        started === undefined
          ? { field: 'started_at', message: 'required, missing' }
          : timeProblem('started_at', row.started_at);
      reportProblems([problem], file, location, result);
      return;
    }
    if (since === undefined || started >= since) wanted.push({ row, location, started });
  });
  // In time order: ORDER BY in SQL would put times written as text after all numbers.
  wanted.sort((a, b) => a.started - b.started || compareIds(a.row.id, b.row.id));

  const tallies = tallyMessages(db, since === undefined ? undefined : wanted, (sessions) =>
    options.onProgress?.({ sessions, done: sessions, total: wanted.length }),
  );
  for (const { row, location, started } of wanted) {
    const mapped = mapSession(row, started, tallies.get(String(row.id)), options);
    if ('problems' in mapped) reportProblems(mapped.problems, file, location, result);
    else acceptRecord(mapped.record, file, location, SOURCES, result);
  }
  options.onProgress?.({ sessions: wanted.length, done: wanted.length, total: wanted.length });
}

function compareIds(a: SqlValue, b: SqlValue): number {
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** What the database lacks of the tables and columns read, in words; undefined when nothing. */
function missingSchema(db: Database): string | undefined {
  const needed: [string, readonly string[]][] = [
    ['sessions', SESSION_COLUMNS.required],
    ['messages', MESSAGE_COLUMNS],
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
 * One pass over the messages, in session order: per session, the messages, the tool results
 * (`role = 'tool'`), the failed ones (`toolResultFailed`) and the first user message. Only the
 * `wanted` sessions when given. `progress` hears the number of sessions done.
 */
function tallyMessages(
  db: Database,
  wanted: readonly { row: SessionRow }[] | undefined,
  progress: (sessions: number) => void,
): Map<string, MessageTally> {
  let where = '';
  if (wanted !== undefined) {
    db.run('CREATE TEMP TABLE ab_wanted (id PRIMARY KEY)');
    const insert = db.prepare('INSERT OR IGNORE INTO ab_wanted VALUES (?)');
    try {
      for (const { row } of wanted) insert.run([row.id]);
    } finally {
      insert.free();
    }
    where = 'WHERE session_id IN (SELECT id FROM temp.ab_wanted)';
  }
  const tallies = new Map<string, MessageTally>();
  let current: MessageTally | undefined;
  let currentId: SqlValue | undefined;
  forEachRow(
    db,
    `SELECT session_id, role, CASE WHEN role IN ('tool', 'user') THEN content END
     FROM messages ${where} ORDER BY session_id, rowid`,
    ([sessionId, role, content]) => {
      if (current === undefined || sessionId !== currentId) {
        if (current !== undefined) progress(tallies.size);
        current = {
          messages: 0,
          toolResults: 0,
          failedToolResults: 0,
          firstUserMessage: undefined,
        };
        currentId = sessionId;
        tallies.set(String(sessionId), current);
      }
      current.messages++;
      if (role === 'tool') {
        current.toolResults++;
        if (toolResultFailed(content)) current.failedToolResults++;
      } else if (role === 'user' && current.firstUserMessage === undefined) {
        current.firstUserMessage = typeof content === 'string' ? content : '';
      }
    },
  );
  return tallies;
}

type Mapped = { record: Record<string, unknown> } | { problems: FieldProblem[] };

/** One session row, with its messages' tally, as a session record (not yet validated). */
export function mapSession(
  row: SessionRow,
  started: number,
  tally: MessageTally | undefined,
  options: HermesDbOptions,
): Mapped {
  const problems: FieldProblem[] = [];
  const { id } = row;
  if (id === null || id === '') problems.push({ field: 'id', message: 'required, missing' });
  else if (typeof id !== 'string' && typeof id !== 'number') {
    problems.push({ field: 'id', message: `expected a string, got ${describeSql(id)}` });
  }

  // Titles Hermes made up itself (`derived`, `llm`) differ between runs of one prompt.
  const byUser = row.title_source === null || row.title_source === 'user';
  const title = typeof row.title === 'string' && byUser ? row.title.trim() : '';
  let taskId: string | undefined;
  if (options.taskId !== 'prompt' && title !== '') taskId = title;
  else if (tally?.firstUserMessage !== undefined) taskId = promptTaskId(tally.firstUserMessage);
  else {
    problems.push({
      field: options.taskId === 'prompt' ? 'messages' : 'title',
      message:
        options.taskId === 'prompt'
          ? 'expected a user message to take the task from, got none'
          : 'expected a title or a user message to take the task from, got neither',
    });
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

  const record: Record<string, unknown> = {
    session_id: String(id),
    variant: options.variant,
    task_id: taskId,
  };
  if (options.experiment !== undefined) record.experiment = options.experiment;
  const success = successOf(row.end_reason, options);
  if (success !== undefined) record.success = success;
  if (tally !== undefined) {
    record.tool_calls = tally.toolResults;
    record.successful_tool_calls = tally.toolResults - tally.failedToolResults;
  } else if (toolCallCount !== undefined) {
    record.tool_calls = toolCallCount;
  }
  if (ended !== undefined) record.completion_time_seconds = (ended - started) / 1000;
  const messages = tally?.messages ?? messageCount;
  if (messages !== undefined) record.message_count = messages;
  record.start_time = isoTime(started);
  if (ended !== undefined) record.end_time = isoTime(ended);
  if (Object.keys(metrics).length > 0) record.metrics = metrics;
  const hermes: Record<string, unknown> = {};
  const kept = [
    'source',
    'model',
    'end_reason',
    'title',
    'title_source',
    'parent_session_id',
  ] as const;
  for (const column of kept) {
    if (row[column] !== null) hermes[column] = row[column];
  }
  record.hermes = hermes;
  return { record };
}

/** `success` from `end_reason`: true, false, or undefined (unknown) as the lists say. */
function successOf(reason: SqlValue, options: HermesDbOptions): boolean | undefined {
  if (typeof reason !== 'string' || reason.trim() === '') return undefined;
  const value = reason.trim().toLowerCase();
  const success = options.endReasons?.success ?? SUCCESS_END_REASONS;
  const unknown = options.endReasons?.unknown ?? UNKNOWN_END_REASONS;
  if (success.some((item) => item.toLowerCase() === value)) return true;
  if (unknown.some((item) => item.toLowerCase() === value)) return undefined;
  return false;
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
