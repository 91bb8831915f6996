import type { SqlValue } from 'sql.js';
import { sqlEngine } from '../../../src/records/hermes/sqlite-file.js';

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
