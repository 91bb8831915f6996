import type { SqlValue } from 'sql.js';
import type { RecordProblem, SessionRecord } from '../../../src/records/types.js';
import { readHermesBatch } from '../../../src/sources/hermes/batch.js';
import { sqlEngine } from '../../../src/sources/hermes/sqlite-file.js';
import { readHermesDb } from '../../../src/sources/hermes/state-db.js';
import { completeSession } from '../../../src/sources/mapping.js';
import type { SourceOptions } from '../../../src/sources/types.js';

/** The tables of a Hermes `state.db`, as Hermes creates them (the columns the readers use). */
export const HERMES_SCHEMA = `
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    user_id TEXT,
    model TEXT,
    system_prompt TEXT,
    parent_session_id TEXT,
    started_at REAL NOT NULL,
    ended_at REAL,
    end_reason TEXT,
    message_count INTEGER DEFAULT 0,
    tool_call_count INTEGER DEFAULT 0,
    input_tokens INTEGER DEFAULT 0,
    output_tokens INTEGER DEFAULT 0,
    estimated_cost_usd REAL,
    actual_cost_usd REAL,
    title TEXT,
    title_source TEXT,
    api_call_count INTEGER DEFAULT 0
  );
  CREATE TABLE messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL REFERENCES sessions(id),
    role TEXT NOT NULL,
    content TEXT,
    tool_call_id TEXT,
    tool_calls TEXT,
    tool_name TEXT,
    timestamp REAL NOT NULL
  );
  CREATE INDEX idx_messages_session ON messages(session_id, timestamp);
  CREATE UNIQUE INDEX idx_sessions_title_unique ON sessions(title) WHERE title IS NOT NULL;
`;

export type Row = Record<string, SqlValue>;

/** The bytes of an SQLite database made with sql.js: `schema`, then the rows of each table. */
export async function makeDatabase(
  tables: Record<string, readonly Row[]>,
  schema = HERMES_SCHEMA,
): Promise<Uint8Array> {
  const SQL = await sqlEngine();
  const db = new SQL.Database();
  try {
    db.run(schema);
    for (const [table, rows] of Object.entries(tables)) {
      for (const row of rows) {
        const columns = Object.keys(row);
        db.run(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
          Object.values(row),
        );
      }
    }
    return db.export();
  } finally {
    db.close();
  }
}

/** A reader of `src/sources/hermes` on one file, with the variant and task rules applied. */
async function readOne(
  reader: typeof readHermesDb,
  file: string,
  options: ReadOptions,
): Promise<{ records: SessionRecord[]; problems: RecordProblem[] }> {
  const { variant, taskId, ...rest } = options;
  const read = await reader([{ display: file, absolute: file }], rest);
  const records: SessionRecord[] = [];
  const problems = [...read.problems];
  const task =
    taskId === undefined || taskId === 'prompt'
      ? { from: 'prompt' as const }
      : { from: 'field' as const, field: taskId === 'title' ? 'title' : 'prompt_index' };
  for (const session of read.sessions) {
    const done = completeSession(session, { variant: { from: 'value', value: variant }, task });
    if ('record' in done) records.push(done.record);
    else problems.push(...done.problems);
  }
  return { records, problems };
}

export interface ReadOptions extends SourceOptions {
  variant: string;
  taskId?: 'title' | 'prompt' | 'prompt-index';
}

export const readDb = (file: string, options: ReadOptions) => readOne(readHermesDb, file, options);
export const readBatch = (file: string, options: ReadOptions) =>
  readOne(readHermesBatch, file, options);
