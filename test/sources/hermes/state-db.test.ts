import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadProgress } from '../../../src/sources/types.js';

import { formatProblem } from '../../../src/records/problems.js';
import { useTempFiles } from '../../records/temp-files.js';
import { makeDatabase, type Row, readDb, type ReadOptions } from './hermes-db.js';

const tempFiles = useTempFiles();

const promptId = (text: string) =>
  `prompt-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;

/** 2024-05-01T10:00:00Z, in epoch seconds as Hermes writes `started_at`. */
const T0 = 1714557600;

function session(id: string, fields: Row = {}): Row {
  const started = fields.started_at ?? T0;
  return {
    id,
    source: 'cli',
    model: 'anthropic/claude-sonnet-4',
    started_at: started,
    ended_at: typeof started === 'number' ? started + 60 : null,
    end_reason: 'completed',
    message_count: 0,
    tool_call_count: 0,
    input_tokens: 1000,
    output_tokens: 200,
    ...fields,
  };
}

let clock = 0;
function message(sessionId: string, role: string, content: string | null, fields: Row = {}): Row {
  return { session_id: sessionId, role, content, timestamp: T0 + clock++, ...fields };
}

/** Every case of the failure rule, as tool results of one session: 4 succeed, 6 fail. */
const TOOL_RESULTS: [string | null, boolean][] = [
  ['{"output": "ok", "exit_code": 0, "error": null}', true],
  ['{"output": "", "error": "command not found"}', false],
  ['{"content": {"output": "", "error": "timed out"}}', false],
  ['{"success": false, "message": "no such file"}', false],
  ['', false],
  ['Error: permission denied', false],
  ['total 8\n-rw-r--r-- 1 root root 0 a.txt', true],
  ['{"content": {"output": "x", "error": null}, "success": true}', true],
  [null, false],
  ['[1, 2, 3]', true],
];

const SESSIONS: Row[] = [
  session('s1', {
    title: 'fix-login',
    title_source: 'user',
    started_at: T0 + 0.5,
    ended_at: T0 + 42.75,
    message_count: 99, // the rows counted win over the column
    tool_call_count: 10,
    api_call_count: 4,
    estimated_cost_usd: 0.0123,
  }),
  // ISO times, no title, closed by the CLI: success unknown.
  session('s2', {
    started_at: '2024-05-01 11:00:00',
    ended_at: '2024-05-01T11:05:30Z',
    end_reason: 'cli_close',
    actual_cost_usd: 0.5,
    estimated_cost_usd: 0.4,
  }),
  // A title Hermes made up: not used to pair. Not ended yet.
  session('s3', {
    title: 'Haiku about databases',
    title_source: 'llm',
    started_at: T0 + 7200,
    ended_at: null,
    end_reason: null,
  }),
  // No message rows left: the columns count. A title from before title_source existed.
  session('s4', {
    title: 'legacy title',
    started_at: T0 + 10800,
    end_reason: 'max_iterations',
    message_count: 5,
    tool_call_count: 3,
  }),
  session('s5', { started_at: 'last tuesday' }),
  session('s6', { started_at: T0 + 100, ended_at: T0 + 50 }),
  session('s7', { started_at: T0 + 200, input_tokens: 'many' }),
];

const MESSAGES: Row[] = [
  message('s1', 'user', 'Fix the login bug'),
  message('s1', 'assistant', null, { tool_calls: '[{"id": "c1"}]' }),
  ...TOOL_RESULTS.map(([content], i) => message('s1', 'tool', content, { tool_call_id: `c${i}` })),
  message('s1', 'assistant', 'Fixed.'),
  message('s2', 'user', '  Write a haiku\n about SQLite '),
  message('s2', 'assistant', 'Rows in quiet files'),
  message('s3', 'user', 'Write a haiku about SQLite'),
  message('s3', 'user', 'Make it rhyme'),
  message('s6', 'user', 'x'),
  message('s7', 'user', 'y'),
  message('orphan', 'tool', 'Error: a message of no session'),
];

async function read(
  files: Record<string, string | Uint8Array>,
  options: Partial<ReadOptions> = {},
) {
  const dir = tempFiles(files);
  const result = await readDb(join(dir, 'state.db'), { variant: 'cold', ...options });
  const messages = result.problems.map((problem) => formatProblem(problem).replace(`${dir}/`, ''));
  return { ...result, messages };
}

async function readSample(options: Partial<ReadOptions> = {}) {
  const bytes = await makeDatabase({ sessions: SESSIONS, messages: MESSAGES });
  return read({ 'state.db': bytes }, options);
}

describe('readHermesDb', () => {
  it('counts each case of the failure rule once', async () => {
    const { records } = await readSample();
    const successes = TOOL_RESULTS.filter(([, ok]) => ok).length;
    expect(records[0]).toMatchObject({
      tool_calls: TOOL_RESULTS.length,
      successful_tool_calls: successes,
    });
  });

  it('reports bad sessions with the file, the session and the column', async () => {
    const { messages, records } = await readSample();
    expect(messages).toEqual([
      'state.db: sessions["s5"].started_at: expected epoch seconds or an ISO 8601 date-time, got "last tuesday"',
      'state.db: sessions["s6"].ended_at: expected a time at or after started_at (2024-05-01T10:01:40.000Z), got 2024-05-01T10:00:50.000Z',
      'state.db: sessions["s7"].input_tokens: expected a number, got "many"',
      // No message left to take the task from: the task is the prompt by default.
      'state.db: sessions["s4"].task_id: no task: the session has no prompt to take it from (give the file that holds the prompt too, or --task-by field:<name>)',
    ]);
    expect(records).toHaveLength(3);
  });

  it('keeps only the sessions started since a time', async () => {
    const { records, messages } = await readSample({ since: new Date((T0 + 3600) * 1000) });
    expect(records.map((record) => record.session_id)).toEqual(['s2', 's3']);
    expect(messages).toEqual([
      'state.db: sessions["s5"].started_at: expected epoch seconds or an ISO 8601 date-time, got "last tuesday"',
      expect.stringContaining('sessions["s4"].task_id: no task'),
    ]);
  });

  it('reports progress by sessions', async () => {
    const updates: ReadProgress[] = [];
    await readSample({ onProgress: (progress) => updates.push(progress) });
    expect(updates.at(-1)).toEqual({ sessions: 6, done: 6, total: 6 });
    expect(updates.every((update) => update.total === 6)).toBe(true);
  });

  it('says what makes a file not a Hermes session database', async () => {
    const noSessions = await makeDatabase({}, 'CREATE TABLE notes (id TEXT);');
    const noColumn = await makeDatabase(
      {},
      'CREATE TABLE sessions (id TEXT); CREATE TABLE messages (session_id TEXT, role TEXT);',
    );
    const cases: [string | Uint8Array, string][] = [
      [noSessions, 'not a Hermes session database: no tables "sessions" or "messages"'],
      [noColumn, 'not a Hermes session database: table "sessions" has no column "started_at"'],
      [
        'id,title\n1,x\n',
        'not a Hermes session database: not an SQLite file, nor the JSON Lines of `hermes sessions export`',
      ],
      ['', 'empty file, expected a Hermes session database'],
    ];
    for (const [bytes, message] of cases) {
      const { messages, records } = await read({ 'state.db': bytes });
      expect(messages).toEqual([`state.db: ${message}`]);
      expect(records).toEqual([]);
    }
    const only = await makeDatabase({}, 'CREATE TABLE sessions (id TEXT, started_at REAL);');
    expect((await read({ 'state.db': only })).messages).toEqual([
      'state.db: not a Hermes session database: no table "messages"',
    ]);
    const corrupt = (await makeDatabase({ sessions: SESSIONS })).slice(0, 5000);
    corrupt.fill(0xff, 100, 5000);
    expect((await read({ 'state.db': corrupt })).messages).toEqual([
      'state.db: not a readable SQLite database (database disk image is malformed)',
    ]);
    const missing = await readDb('no/such/state.db', { variant: 'cold' });
    expect(missing.problems.map(formatProblem)).toEqual([
      'no/such/state.db: no such file or directory',
    ]);
  });

  it('reads a database whose tables lack the optional columns', async () => {
    const bytes = await makeDatabase(
      {
        sessions: [{ id: 'old', started_at: T0, ended_at: T0 + 5 }],
        messages: [{ session_id: 'old', role: 'user', content: 'hi' }],
      },
      `CREATE TABLE sessions (id TEXT PRIMARY KEY, started_at REAL, ended_at REAL);
       CREATE TABLE messages (session_id TEXT, role TEXT, content TEXT);`,
    );
    const { records, problems } = await read({ 'state.db': bytes });
    expect(problems).toEqual([]);
    expect(records).toEqual([
      {
        session_id: 'old',
        variant: 'cold',
        task_id: promptId('hi'),
        tool_calls: 0,
        successful_tool_calls: 0,
        completion_time_seconds: 5,
        message_count: 1,
        start_time: '2024-05-01T10:00:00.000Z',
        end_time: '2024-05-01T10:00:05.000Z',
        hermes: {},
      },
    ]);
  });
});
