import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/analysis/report-types.js';
import { makeDatabase, type Row } from '../records/hermes/hermes-db.js';
import { exported, noStackTrace, store, tempDir } from './store-cli.js';

const promptId = (text: string) =>
  `prompt-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;

const PROMPTS = [
  'Fix the failing test in src/app.py',
  'Summarise README.md',
  'Add a --verbose flag',
];

/** One line of batch_runner's trajectories.jsonl. */
function trajectory(index: number, fields: object = {}): object {
  return {
    prompt_index: index,
    conversations: [
      { from: 'system', value: 'You are a function calling AI model.' },
      { from: 'human', value: PROMPTS[index % PROMPTS.length] },
      { from: 'gpt', value: '<tool_call>{"name": "terminal"}</tool_call>' },
      { from: 'tool', value: '<tool_response>{"error": null}</tool_response>' },
      { from: 'gpt', value: 'Done.' },
    ],
    metadata: { batch_num: 0, timestamp: `2026-02-01T12:00:0${index}.123456`, model: 'hermes-4' },
    completed: true,
    partial: false,
    api_calls: 3,
    toolsets_used: ['terminal'],
    tool_stats: {
      terminal: { count: 4, success: 3, failure: 1 },
      vision_analyze: { count: 0, success: 0, failure: 0 },
    },
    tool_error_counts: { terminal: 1, vision_analyze: 0 },
    ...fields,
  };
}

/** 2025-12-31T23:00:00Z and 2026-01-02T10:00:00Z, in epoch seconds as Hermes writes them. */
const BEFORE = Date.parse('2025-12-31T23:00:00Z') / 1000;
const AFTER = Date.parse('2026-01-02T10:00:00Z') / 1000;

function dbSession(id: string, started: number, fields: Row = {}): Row {
  return {
    id,
    source: 'cli',
    model: 'anthropic/claude-sonnet-4',
    started_at: started,
    ended_at: started + 90,
    end_reason: 'completed',
    input_tokens: 1000,
    output_tokens: 200,
    ...fields,
  };
}

let clock = 0;
const message = (sessionId: string, role: string, content: string | null): Row => ({
  session_id: sessionId,
  role,
  content,
  timestamp: AFTER + clock++,
});

async function hermesFiles(cwd: string): Promise<void> {
  writeFileSync(
    join(cwd, 'trajectories.jsonl'),
    [trajectory(0), trajectory(1, { completed: false }), trajectory(2, { partial: true })]
      .map((line) => JSON.stringify(line))
      .join('\n') + '\n',
  );
  const bytes = await makeDatabase({
    sessions: [
      dbSession('20251231_230000_aa', BEFORE),
      dbSession('20260102_100000_bb', AFTER, { end_reason: 'max_iterations' }),
      dbSession('20260102_110000_cc', AFTER + 3600),
    ],
    messages: [
      message('20251231_230000_aa', 'user', PROMPTS[0]!),
      message('20260102_100000_bb', 'user', PROMPTS[0]!),
      message('20260102_100000_bb', 'tool', '{"output": "ok", "error": null}'),
      message('20260102_100000_bb', 'tool', 'Error: permission denied'),
      message('20260102_110000_cc', 'user', PROMPTS[1]!),
      message('20260102_110000_cc', 'tool', '{"output": "ok", "error": null}'),
    ],
  });
  writeFileSync(join(cwd, 'state.db'), bytes);
}

describe('add --from: the logs Hermes agent runs leave behind', () => {
  it('reads batch_runner trajectories and the state.db session database into the store', async () => {
    const cwd = tempDir();
    await hermesFiles(cwd);
    expect(
      store(['create', 'hermes-ab', '--description', 'Hermes warm vs cold'], { cwd }).status,
    ).toBe(0);

    const batch = store(
      ['add', 'hermes-ab', '--from', 'hermes-batch', 'trajectories.jsonl', '--variant', 'warm'],
      { cwd },
    );
    expect(batch.status, batch.stderr).toBe(0);
    expect(batch.stderr).toBe('');
    expect(batch.stdout).toContain('Read 3 sessions: 3 new ones.');

    const db = store(
      [
        'add',
        'hermes-ab',
        '--from',
        'hermes-db',
        'state.db',
        '--variant',
        'cold',
        '--since',
        '2026-01-01',
        '--task-by',
        'prompt',
      ],
      { cwd },
    );
    expect(db.status, db.stderr).toBe(0);
    expect(db.stdout).toContain('Read 2 sessions: 2 new ones.');
    expect(db.stdout).toContain('holds cold 2, warm 3.');

    const records = exported(store(['export', 'hermes-ab'], { cwd }).stdout);
    const warm = records.filter((record) => record.variant === 'warm');
    expect(warm.map((record) => record.task_id)).toEqual(PROMPTS.map(promptId));
    expect(warm[0]).toMatchObject({
      experiment: 'hermes-ab',
      success: true,
      tool_calls: 4,
      successful_tool_calls: 3,
      message_count: 4,
      start_time: '2026-02-01T12:00:00.123456',
      metrics: { api_calls: 3, tools_used: 1 },
      hermes: { prompt_index: 0, model: 'hermes-4', tool_stats: { terminal: { count: 4 } } },
    });
    expect(String(warm[0]!.session_id)).toMatch(/^hermes-batch-0-[0-9a-f]{12}$/);
    expect(warm.map((record) => record.success)).toEqual([true, false, false]);

    const cold = records.filter((record) => record.variant === 'cold');
    // --since 2026-01-01 leaves out the session of New Year's Eve.
    expect(cold.map((record) => record.session_id)).toEqual([
      '20260102_100000_bb',
      '20260102_110000_cc',
    ]);
    expect(cold[0]).toEqual({
      session_id: '20260102_100000_bb',
      variant: 'cold',
      // --task-by prompt: the same task id as the batch run of the same prompt, so they pair.
      task_id: promptId(PROMPTS[0]!),
      experiment: 'hermes-ab',
      success: false,
      tool_calls: 2,
      successful_tool_calls: 1,
      completion_time_seconds: 90,
      message_count: 3,
      start_time: '2026-01-02T10:00:00.000Z',
      end_time: '2026-01-02T10:01:30.000Z',
      metrics: { input_tokens: 1000, output_tokens: 200, api_calls: 0 },
      hermes: {
        source: 'cli',
        model: 'anthropic/claude-sonnet-4',
        end_reason: 'max_iterations',
      },
    });
    const provenance = exported(
      store(['export', 'hermes-ab', '--format', 'store'], { cwd }).stdout,
    );
    expect(provenance.map((line) => (line.provenance as { source: string }).source)).toEqual([
      'trajectories.jsonl',
      'trajectories.jsonl',
      'trajectories.jsonl',
      'state.db',
      'state.db',
    ]);

    // Reading the same logs again adds nothing twice.
    const again = store(
      ['add', 'hermes-ab', '--from', 'hermes-batch', 'trajectories.jsonl', '--variant', 'warm'],
      { cwd },
    );
    expect(again.stdout).toContain('Read 3 sessions: 0 new ones, 3 stored already.');

    const report = JSON.parse(store(['analyze', 'hermes-ab', '--json'], { cwd }).stdout) as Report;
    expect(report.sessions).toEqual({ cold: 2, warm: 3 });
  });

  it('reports bad lines and unreadable databases as input errors, naming the place', async () => {
    const cwd = tempDir();
    await hermesFiles(cwd);
    expect(store(['create', 'h', '--description', 'd'], { cwd }).status).toBe(0);
    writeFileSync(
      join(cwd, 'bad.jsonl'),
      [
        JSON.stringify(trajectory(0)),
        '{"prompt_index": 1,',
        JSON.stringify(trajectory(2, { api_calls: 'x' })),
      ].join('\n'),
    );
    const bad = store(['add', 'h', '--from', 'hermes-batch', 'bad.jsonl', '--variant', 'warm'], {
      cwd,
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('bad.jsonl:2:20: not valid JSON');
    expect(bad.stderr).toContain('bad.jsonl:3: api_calls: expected a whole number >= 0, got "x"');
    expect(noStackTrace(bad.stderr)).toBe(true);
    const skipped = store(
      [
        'add',
        'h',
        '--from',
        'hermes-batch',
        'bad.jsonl',
        '--variant',
        'warm',
        '--on-invalid',
        'skip',
      ],
      { cwd },
    );
    expect(skipped.status).toBe(0);
    expect(skipped.stdout).toContain('Read 1 session: 1 new one.');

    const notDb = store(['add', 'h', '--from', 'hermes-db', 'bad.jsonl', '--variant', 'cold'], {
      cwd,
    });
    expect(notDb.status).toBe(1);
    expect(notDb.stderr).toContain('bad.jsonl: not a Hermes session database: not an SQLite file');
    const none = store(
      ['add', 'h', '--from', 'hermes-db', 'state.db', '--variant', 'cold', '--since', '2027-01-01'],
      { cwd },
    );
    expect(none.status).toBe(1);
    expect(none.stderr).toBe(
      'ab-verdict: no sessions of experiment "h" to add (none started at or after 2027-01-01T00:00:00.000Z)\n',
    );
  });
});
