import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDatabaseImage, sqlEngine } from '../../src/sources/hermes/sqlite-file.js';
import { promptTaskId } from '../../src/sources/mapping.js';
import { useTempFiles } from '../records/temp-files.js';
import { byId, manifest, readLogs, SHARED_LOGS } from './agent-logs.js';

const HERMES = `${SHARED_LOGS}/hermes`;

/** The rows of hermes/manifest.json the tests compare. */
interface Truth {
  state_db: {
    session_id: string;
    arm: string;
    task_prompt: string;
    tool_calls: number;
    failed_tool_calls: number;
    expected_success: boolean;
    duration_s: number | null;
    hermes_message_count: number;
  }[];
  batch: {
    arm: string;
    prompt_index: number;
    prompt: string;
    expected_success: boolean;
    tool_calls: number;
    failed_tool_calls: number;
    metadata: { timestamp: string };
  }[];
}

const BY_MODEL = { from: 'model', pattern: /^fake-(\w+)$/ } as const;
const tempFiles = useTempFiles();

describe('Hermes logs, read as Hermes v0.19 wrote them', () => {
  it('reads each state.db (with its -wal) as its truth table says', async () => {
    const truth = manifest<Truth>(HERMES).state_db;
    const read = await readLogs(HERMES, ['cold/state.db', 'warm/state.db'], {
      rules: { variant: BY_MODEL, task: { from: 'prompt' } },
    });
    expect(read.problems).toEqual([]);
    expect(read.sessions).toHaveLength(truth.length);
    const sessions = byId(read.sessions);
    for (const row of truth) {
      const { record, file } = sessions.get(row.session_id)!;
      expect(file).toBe(`${row.arm}/state.db`);
      expect(record).toMatchObject({
        variant: row.arm,
        task_id: promptTaskId(row.task_prompt),
        success: row.expected_success,
        tool_calls: row.tool_calls,
        successful_tool_calls: row.tool_calls - row.failed_tool_calls,
        message_count: row.hermes_message_count,
      });
      if (row.duration_s === null) expect(record.completion_time_seconds).toBeUndefined();
      else expect(record.completion_time_seconds).toBeCloseTo(row.duration_s, 3);
    }
  });

  it('reads batch_runner output once per session, though batch_N.jsonl repeats trajectories.jsonl', async () => {
    const truth = manifest<Truth>(HERMES).batch;
    const read = await readLogs(HERMES, ['batch/data'], {
      rules: { variant: BY_MODEL, task: { from: 'prompt' } },
    });
    expect(read.problems).toEqual([]);
    expect(read.warnings).toEqual([]);
    expect(read.sessions).toHaveLength(truth.length);
    for (const row of truth) {
      const session = read.sessions.find(
        ({ record }) =>
          record.variant === row.arm &&
          (record.hermes as { prompt_index: number }).prompt_index === row.prompt_index,
      );
      expect(session?.record).toMatchObject({
        task_id: promptTaskId(row.prompt),
        success: row.expected_success,
        tool_calls: row.tool_calls,
        successful_tool_calls: row.tool_calls - row.failed_tool_calls,
        end_time: row.metadata.timestamp,
      });
      expect(session?.record.start_time).toBeUndefined();
    }
  });

  it('gives state.db sessions and batch lines of one prompt the same task', async () => {
    const db = await readLogs(HERMES, ['cold/state.db']);
    const batch = await readLogs(HERMES, ['batch/data/cold/trajectories.jsonl']);
    const tasks = (read: typeof db) => new Set(read.sessions.map(({ record }) => record.task_id));
    expect(tasks(batch).size).toBe(4);
    expect(tasks(db)).toEqual(tasks(batch));
  });

  it('counts the dataset prompts a run wrote no line for as failed sessions, and says so', async () => {
    // batch_0.jsonl alone holds prompts 0 and 1 of the 4: as if the run had crashed on 2 and 3.
    const read = await readLogs(HERMES, ['batch/dataset.jsonl', 'batch/data/cold/batch_0.jsonl']);
    expect(read.problems).toEqual([]);
    expect(read.sessions).toHaveLength(4);
    const missing = read.sessions.filter(({ record }) => record.success === false);
    expect(
      missing.map(({ record }) => (record.hermes as { prompt_index: number }).prompt_index),
    ).toEqual([2, 3]);
    expect(missing.map(({ file, location }) => `${file}:${location}`)).toEqual([
      'batch/dataset.jsonl:3',
      'batch/dataset.jsonl:4',
    ]);
    expect(read.warnings.map(({ message }) => message)).toEqual([
      expect.stringMatching(
        /^no line for prompt 2 of batch\/dataset.jsonl in batch\/data\/cold\/batch_0.jsonl/,
      ),
      expect.stringMatching(/^no line for prompt 3 /),
    ]);
    // Read again, the same ids: adding twice counts each once.
    const again = await readLogs(HERMES, ['batch/dataset.jsonl', 'batch/data/cold/batch_0.jsonl']);
    expect(again.sessions.map(({ record }) => record.session_id)).toEqual(
      read.sessions.map(({ record }) => record.session_id),
    );
  });
});

/**
 * The cold state.db, changed the way Hermes itself changes it: `sql` runs on a copy (WAL
 * applied), written to a temporary folder. The statements are those of Hermes' SessionDB:
 * `archive_and_compact` (rows archived with active 0, compacted 1, then copies re-inserted),
 * a rewind (`/undo`: active 0, compacted 0), a delegate_task child session.
 */
async function changedDatabase(sql: string): Promise<string> {
  const image = await readDatabaseImage(`${HERMES}/cold/state.db`);
  if ('problem' in image) throw new Error(image.problem);
  const SQL = await sqlEngine();
  const db = new SQL.Database(image.bytes);
  try {
    // Hermes' full-text search triggers need FTS5, which sql.js lacks; they write no row read here.
    const triggers =
      db.exec("SELECT name FROM sqlite_master WHERE type = 'trigger'")[0]?.values ?? [];
    for (const [name] of triggers) db.run(`DROP TRIGGER "${String(name)}"`);
    db.run(sql);
    const dir = tempFiles({});
    writeFileSync(join(dir, 'state.db'), db.export());
    return dir;
  } finally {
    db.close();
  }
}

describe('Hermes state.db after compaction, /undo and a subagent', () => {
  const READ = '20261130_005318_b04f8f'; // 2 calls, 1 failed, 6 rows, a final answer

  it('counts each tool call once across compaction, and none that was undone', async () => {
    const dir = await changedDatabase(`
      UPDATE messages SET active = 0, compacted = 1 WHERE session_id = '${READ}' AND active = 1;
      INSERT INTO messages (session_id, role, content, tool_call_id, tool_calls, tool_name, timestamp, finish_reason)
        SELECT session_id, role, content, tool_call_id, tool_calls, tool_name, timestamp + 100, finish_reason
        FROM messages WHERE session_id = '${READ}' AND compacted = 1 AND id >= 8;
      UPDATE sessions SET message_count = 3 WHERE id = '${READ}';
      UPDATE messages SET active = 0, compacted = 0 WHERE id = 17 OR id = 19;
    `);
    const read = await readLogs(dir, ['state.db']);
    expect(read.problems).toEqual([]);
    const sessions = byId(read.sessions);
    // Both calls still count once; the re-inserted copy of the second adds nothing.
    expect(sessions.get(READ)!.record).toMatchObject({
      tool_calls: 2,
      successful_tool_calls: 1,
      message_count: 3,
      success: true,
    });
    // LOOP with two of its three results undone: one call left.
    expect(sessions.get('20261130_005343_6bb0ac')!.record).toMatchObject({ tool_calls: 1 });
  });

  it('reads a final answer that was undone as no outcome', async () => {
    const dir = await changedDatabase(
      `UPDATE messages SET active = 0, compacted = 0 WHERE id = 10;`,
    );
    const read = await readLogs(dir, ['state.db']);
    expect(byId(read.sessions).get(READ)!.record.success).toBeUndefined();
  });

  it('leaves subagent sessions out, or keeps them', async () => {
    const dir = await changedDatabase(`
      INSERT INTO sessions (id, source, model, parent_session_id, started_at, ended_at, end_reason, message_count)
        VALUES ('child', 'subagent', 'fake-cold', '${READ}', 1796000009, 1796000010, 'agent_close', 2);
      INSERT INTO messages (session_id, role, content, timestamp) VALUES
        ('child', 'user', 'Read a.txt for the parent.', 1796000009),
        ('child', 'assistant', 'It says hello.', 1796000010);
    `);
    const omitted = await readLogs(dir, ['state.db']);
    expect(omitted.sessions.map(({ record }) => record.session_id)).not.toContain('child');
    expect(omitted.sessions).toHaveLength(5);
    const kept = await readLogs(dir, ['state.db'], { subagents: 'keep' });
    expect(byId(kept.sessions).get('child')!.record).toMatchObject({
      hermes: { source: 'subagent', parent_session_id: READ },
    });
  });

  it('reads a failure stamp as a failure, whatever the history shows', async () => {
    const dir = await changedDatabase(
      `UPDATE sessions SET end_reason = 'cron_incomplete_no_output', ended_at = started_at + 5 WHERE id = '${READ}';`,
    );
    const read = await readLogs(dir, ['state.db']);
    expect(byId(read.sessions).get(READ)!.record).toMatchObject({
      success: false,
      completion_time_seconds: 5,
    });
  });
});

describe('hermes sessions export', () => {
  it('reads each line (a session row with its messages) as the database itself', async () => {
    // Built from the real database as Hermes' export_session builds it: {**session, messages}.
    const image = await readDatabaseImage(`${HERMES}/cold/state.db`);
    if ('problem' in image) throw new Error(image.problem);
    const SQL = await sqlEngine();
    const db = new SQL.Database(image.bytes);
    const rows = (sql: string) => {
      const [result] = db.exec(sql);
      return (result?.values ?? []).map((values) =>
        Object.fromEntries(result!.columns.map((column, i) => [column, values[i]])),
      );
    };
    const lines = rows('SELECT * FROM sessions').map((session) =>
      JSON.stringify({
        ...session,
        messages: rows(
          `SELECT * FROM messages WHERE session_id = '${String(session.id)}' ORDER BY id`,
        ),
      }),
    );
    db.close();
    const dir = tempFiles({ 'export.jsonl': `${lines.join('\n')}\n` });
    const exported = await readLogs(dir, ['export.jsonl']);
    const fromDb = await readLogs(HERMES, ['cold/state.db']);
    expect(exported.problems).toEqual([]);
    expect(exported.sessions.map(({ record }) => record)).toEqual(
      expect.arrayContaining(fromDb.sessions.map(({ record }) => record)),
    );
    expect(exported.sessions).toHaveLength(fromDb.sessions.length);
  });
});

describe('Hermes files read without a copy of the WAL', () => {
  it('reads the main file alone when the -wal is not beside it', async () => {
    const dir = tempFiles({});
    copyFileSync(`${HERMES}/cold/state.db`, join(dir, 'state.db'));
    const read = await readLogs(dir, ['state.db']);
    expect(read.problems).toEqual([]);
  });
});
