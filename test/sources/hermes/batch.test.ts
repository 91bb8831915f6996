import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBatch, type ReadOptions } from './hermes-db.js';

import type { ReadProgress } from '../../../src/sources/types.js';
import { formatProblem } from '../../../src/records/problems.js';
import { jsonLines, useTempFiles } from '../../records/temp-files.js';

const tempFiles = useTempFiles();

const sha12 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

/** Every tool Hermes knows is in `tool_stats`, mostly with zero counts, as batch_runner writes it. */
const UNUSED = {
  vision_analyze: { count: 0, success: 0, failure: 0 },
  image_generate: { count: 0, success: 0, failure: 0 },
};

const SYSTEM = { from: 'system', value: 'You are a function calling AI model. <tools>…</tools>' };
const human = (value: string) => ({ from: 'human', value });
const gpt = (value: string) => ({ from: 'gpt', value });
const tool = (value: string) => ({ from: 'tool', value });

function trajectory(index: number, prompt: string, fields: object = {}): object {
  return {
    prompt_index: index,
    conversations: [SYSTEM, human(prompt), gpt('<think>\n</think>\nDone.')],
    metadata: { batch_num: 0, timestamp: `2025-05-01T12:00:0${index}.123456`, model: 'hermes-4' },
    completed: true,
    partial: false,
    api_calls: 1,
    toolsets_used: ['terminal'],
    tool_stats: { ...UNUSED },
    tool_error_counts: { vision_analyze: 0, image_generate: 0 },
    ...fields,
  };
}

const FIX_BUG = 'Fix the failing test in src/app.py';
const CONVERSATION = [
  SYSTEM,
  human(FIX_BUG),
  gpt('<tool_call>{"name": "terminal"}</tool_call>'),
  tool('<tool_response>{"error": null}</tool_response>'),
  gpt('Fixed.'),
];

/** A small `trajectories.jsonl`: four prompts, a blank line and four bad lines. */
const LINES = [
  jsonLines([
    trajectory(0, FIX_BUG, {
      conversations: CONVERSATION,
      api_calls: 5,
      tool_stats: {
        ...UNUSED,
        terminal: { count: 3, success: 2, failure: 1 },
        web_search: { count: 1, success: 1, failure: 0 },
      },
      tool_error_counts: { vision_analyze: 0, image_generate: 0, terminal: 1, web_search: 0 },
    }),
    // Stopped on invalid tool calls: partial. tool_error_counts says 1 error that tool_stats
    // does not count, and a read_file call has no recorded outcome.
    trajectory(1, 'Summarise README.md', {
      partial: true,
      tool_stats: {
        terminal: { count: 2, success: 2, failure: 0 },
        read_file: { count: 2, success: 1, failure: 0 },
      },
      tool_error_counts: { terminal: 1, read_file: 0 },
    }),
    // Out of iterations: not completed. The same prompt as line 1, re-wrapped.
    trajectory(2, `  Fix the failing test\n  in src/app.py\n`, { completed: false }),
  ]).trimEnd(),
  '',
  '{"prompt_index": 3, "conversations": [',
  '["not", "an", "object"]',
  JSON.stringify({
    ...trajectory(4, 'x'),
    prompt_index: undefined,
    tool_stats: { terminal: { count: 'two', success: 0, failure: 0 } },
  }),
  JSON.stringify(trajectory(5, 'y', { metadata: { timestamp: 'yesterday' } })),
  JSON.stringify(trajectory(6, 'Write a haiku about SQLite', { reasoning_stats: { turns: 2 } })),
].join('\n');

async function read(text: string | Uint8Array, options: ReadOptions) {
  const dir = tempFiles({ 'trajectories.jsonl': text });
  const file = join(dir, 'trajectories.jsonl');
  const result = await readBatch(file, options);
  const messages = result.problems.map((problem) => formatProblem(problem).replace(`${dir}/`, ''));
  return { ...result, messages, file };
}

describe('readHermesBatch', () => {
  it('maps completed and partial to success, and reconciles the tool counts', async () => {
    const { records } = await read(LINES, { variant: 'warm' });
    const fields = records.map(({ success, tool_calls, successful_tool_calls, metrics }) => ({
      success,
      tool_calls,
      successful_tool_calls,
      metrics,
    }));
    expect(fields).toEqual([
      {
        success: true,
        tool_calls: 4,
        successful_tool_calls: 3,
        metrics: { api_calls: 5, tools_used: 2 },
      },
      // terminal: 2 successes and 1 error => 3 calls; read_file: 1 success of 2 calls.
      {
        success: false,
        tool_calls: 5,
        successful_tool_calls: 3,
        metrics: { api_calls: 1, tools_used: 2 },
      },
      {
        success: false,
        tool_calls: 0,
        successful_tool_calls: 0,
        metrics: { api_calls: 1, tools_used: 0 },
      },
      {
        success: true,
        tool_calls: 0,
        successful_tool_calls: 0,
        metrics: { api_calls: 1, tools_used: 0 },
      },
    ]);
    expect(records[1]?.hermes).toMatchObject({
      tool_stats: {
        terminal: { count: 2, success: 2, failure: 0 },
        read_file: { count: 2, success: 1, failure: 0 },
      },
      tool_error_counts: { terminal: 1 },
    });
    // Fields the mapping does not know are kept under `hermes`.
    expect(records[3]?.hermes).toMatchObject({ reasoning_stats: { turns: 2 } });
    expect(records.every((record) => record.experiment === undefined)).toBe(true);
  });

  it('reports bad lines with the file and line, and reads on', async () => {
    const { records, messages } = await read(LINES, { variant: 'warm' });
    expect(messages).toEqual([
      'trajectories.jsonl:5:39: not valid JSON (Unexpected end of JSON input)',
      'trajectories.jsonl:6: expected a JSON object, got an array',
      'trajectories.jsonl:7: prompt_index: required, missing',
      'trajectories.jsonl:7: tool_stats.terminal.count: expected a whole number >= 0, got "two"',
      'trajectories.jsonl:8: metadata.timestamp: expected an ISO 8601 date-time like "2024-05-01T12:00:00Z", got "yesterday"',
    ]);
    expect(records.map((record) => record.hermes)).toMatchObject([
      { prompt_index: 0 },
      { prompt_index: 1 },
      { prompt_index: 2 },
      { prompt_index: 6 },
    ]);
  });

  it('pairs runs of the same prompt by its text, whatever the order and wrapping', async () => {
    const { records } = await read(LINES, { variant: 'warm' });
    expect(records[2]?.task_id).toBe(records[0]?.task_id);
    expect(new Set(records.map((record) => record.task_id)).size).toBe(3);
    expect(new Set(records.map((record) => record.session_id)).size).toBe(4);

    const byIndex = await read(LINES, { variant: 'warm', taskId: 'prompt-index' });
    expect(byIndex.records.map((record) => record.task_id)).toEqual([
      'task_0',
      'task_1',
      'task_2',
      'task_6',
    ]);
  });

  it('gives a session the same id on every read, and another to a rerun', async () => {
    const first = await read(LINES, { variant: 'warm' });
    const again = await read(LINES, { variant: 'cold' });
    expect(again.records.map((record) => record.session_id)).toEqual(
      first.records.map((record) => record.session_id),
    );
    const rerun = await read(
      jsonLines([trajectory(0, FIX_BUG, { metadata: { timestamp: '2025-05-02T09:00:00' } })]),
      { variant: 'warm' },
    );
    expect(rerun.records[0]?.session_id).not.toBe(first.records[0]?.session_id);
    expect(rerun.records[0]?.session_id).toMatch(/^hermes-batch-0-[0-9a-f]{12}$/);
  });

  it('names a line without a timestamp by its content', async () => {
    const line = JSON.stringify(trajectory(3, FIX_BUG, { metadata: { batch_num: 1 } }));
    const { records } = await read(`${line}\n`, { variant: 'warm' });
    expect(records[0]?.session_id).toBe(`hermes-batch-3-${sha12(`line:${line}`)}`);
    expect(records[0]?.start_time).toBeUndefined();
  });

  it('asks for a human turn to take the task from', async () => {
    const { messages } = await read(
      jsonLines([
        trajectory(0, 'x', { conversations: [SYSTEM, gpt('hi')] }),
        { ...trajectory(1, 'x'), conversations: undefined },
        trajectory(2, 'x', { conversations: [SYSTEM, { from: 'human', value: 7 }] }),
      ]),
      { variant: 'warm' },
    );
    expect(messages).toEqual([
      'trajectories.jsonl:1: conversations: expected a "human" turn to take the task from, got none',
      'trajectories.jsonl:2: conversations: required, missing',
      'trajectories.jsonl:3: conversations[1].value: expected a string, got 7',
    ]);
  });

  it('reads long lines across chunks, CRLF and a BOM', async () => {
    const long = 'x'.repeat(3 << 20);
    const text = `\uFEFF${JSON.stringify(trajectory(0, long))}\r\n${JSON.stringify(trajectory(1, 'y'))}\r\n`;
    const { records, problems } = await read(text, { variant: 'warm' });
    expect(problems).toEqual([]);
    expect(records.map((record) => record.task_id)).toEqual([
      `prompt-${sha12(long)}`,
      `prompt-${sha12('y')}`,
    ]);
  });

  it('reports progress in bytes of the file', async () => {
    const updates: ReadProgress[] = [];
    const { file } = await read(LINES, { variant: 'warm', onProgress: (p) => updates.push(p) });
    const size = statSync(file).size;
    // Lines that parse as JSON, of all the file's bytes.
    expect(updates.at(-1)).toEqual({ sessions: 6, done: size, total: size });
  });

  it('reports a file it cannot read as a whole', async () => {
    const empty = await read('\n\n', { variant: 'warm' });
    expect(empty.messages).toEqual(['trajectories.jsonl: empty file, expected JSON records']);
    const binary = await read(new Uint8Array([0, 1, 2, 3]), { variant: 'warm' });
    expect(binary.messages).toEqual([
      'trajectories.jsonl: not a text file (binary data), expected JSON records',
    ]);
    const missing = await readBatch('no/such/trajectories.jsonl', { variant: 'warm' });
    expect(missing.problems.map(formatProblem)).toEqual([
      'no/such/trajectories.jsonl: no such file or directory',
    ]);
  });
});
