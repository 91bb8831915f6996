import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/records/problems.js';
import { readSessions, type ReadOptions } from '../../src/records/read.js';
import { jsonLines, useTempFiles } from './temp-files.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/records', import.meta.url));
const tempFiles = useTempFiles();

async function read(patterns: string[], cwd: string, options: Partial<ReadOptions> = {}) {
  const result = await readSessions(patterns, { onInvalid: 'fail', cwd, ...options });
  return { ...result, messages: result.problems.map(formatProblem) };
}

const record = (id: string, fields: object = {}) => ({
  session_id: id,
  variant: 'warm',
  task_id: 't-1',
  ...fields,
});

describe('readSessions: JSON Lines', () => {
  it('reports a bad field with the file as typed and the line', async () => {
    const result = await read(['results/warm.jsonl'], FIXTURES);
    expect(result.messages).toEqual([
      'results/warm.jsonl:14: tool_calls: expected a whole number >= 0, got "five"',
    ]);
    // 16 lines: one blank, one invalid.
    expect(result.recordsRead).toBe(14);
    expect(result.table.size).toBe(14);
    expect(result.skipped).toBe(0);
    expect(result.files).toEqual(['results/warm.jsonl']);
  });

  it('counts the invalid records left out with onInvalid skip', async () => {
    const result = await read(['results/warm.jsonl'], FIXTURES, { onInvalid: 'skip' });
    expect(result.skipped).toBe(1);
    expect(result.problems).toHaveLength(1);
    expect(result.table.size).toBe(14);
  });

  it('accepts a BOM, CRLF line ends and blank lines', async () => {
    const lines = [record('a'), record('b'), record('c')].map((r) => JSON.stringify(r));
    const text = `\uFEFF${lines[0]}\r\n\r\n  \r\n${lines[1]}\r\n${lines[2]}`;
    const dir = tempFiles({ 'bom.jsonl': text, 'bom.ndjson': text.replaceAll('"a"', '"d"') });
    const result = await read(['bom.jsonl', 'bom.ndjson'], dir);
    expect(result.messages).toEqual([]);
    expect(result.table.size).toBe(4);
    expect(result.recordsRead).toBe(6);
    expect(result.table.duplicates.identical).toBe(2);
  });

  it('reports a line that is not JSON with its line and column', async () => {
    const text = `${JSON.stringify(record('a'))}\n{"session_id": "b", "tool_calls": }\n[1, 2]\n"text"\n`;
    const dir = tempFiles({ 'bad.jsonl': text });
    const result = await read(['bad.jsonl'], dir);
    expect(result.messages).toEqual([
      "bad.jsonl:2:35: not valid JSON (Unexpected token '}')",
      'bad.jsonl:3: expected a JSON object, got an array',
      'bad.jsonl:4: expected a JSON object, got a string',
    ]);
    expect(result.recordsRead).toBe(1);
  });

  it('reports a line nested 100,000 deep without overflowing the stack', async () => {
    const deepArray = '['.repeat(100_000) + ']'.repeat(100_000);
    const deepObject = `{"a":`.repeat(100_000) + '1' + '}'.repeat(100_000);
    const lines = [
      deepArray,
      JSON.stringify(record('m')).replace('}', `,"metrics":{"cost":${deepObject}}}`),
      JSON.stringify(record('x')).replace('}', `,"trace":${deepObject}}`),
      '['.repeat(100_000),
    ];
    const dir = tempFiles({ 'deep.jsonl': lines.join('\n') });
    const result = await read(['deep.jsonl'], dir);
    expect(result.messages).toEqual([
      'deep.jsonl:1: expected a JSON object, got an array',
      'deep.jsonl:2: metrics.cost: expected a number or boolean, got {"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":…',
      'deep.jsonl:3: trace: expected at most 100 levels of nesting, got more',
      'deep.jsonl:4:100001: not valid JSON (Unexpected end of JSON input)',
    ]);
  });
});

describe('readSessions: JSON files', () => {
  it('reports a bad record of an array by its index', async () => {
    const result = await read(['results/a.json'], FIXTURES);
    expect(result.messages).toEqual([
      'results/a.json[3]: success: expected true or false, got "yes"',
    ]);
    expect(result.recordsRead).toBe(3);
  });

  it('reads a single object, with a BOM and CRLF', async () => {
    const text = `\uFEFF${JSON.stringify(record('one'), null, 2).replaceAll('\n', '\r\n')}\r\n`;
    const dir = tempFiles({ 'one.json': text });
    const result = await read(['one.json'], dir);
    expect(result.messages).toEqual([]);
    expect(result.table.size).toBe(1);
  });

  it('gives the line and column of a syntax error', async () => {
    const text = '[\n  {"session_id": "a"},\n  {"session_id": "b",, "x": 1}\n]\n';
    const dir = tempFiles({ 'broken.json': text, 'cut.json': '[{"session_id": "a"' });
    const result = await read(['broken.json', 'cut.json'], dir);
    expect(result.messages).toEqual([
      'broken.json:3:22: not valid JSON (Expected double-quoted property name)',
      "cut.json:1:20: not valid JSON (Expected ',' or '}' after property value)",
    ]);
    expect(result.recordsRead).toBe(0);
  });

  it('reports a top level that holds no records', async () => {
    const dir = tempFiles({ 'number.json': '42', 'list.json': '[]' });
    const result = await read(['number.json', 'list.json'], dir);
    expect(result.messages).toEqual([
      'number.json: expected a JSON object or an array of objects, got a number',
    ]);
  });

  it('reports absurd nesting without overflowing the stack', async () => {
    const dir = tempFiles({
      'deep.json': '['.repeat(100_000) + ']'.repeat(100_000),
      'open.json': '['.repeat(100_000),
    });
    const result = await read(['deep.json', 'open.json'], dir);
    expect(result.messages).toEqual([
      'deep.json[0]: expected a JSON object, got an array',
      'open.json:1:100001: not valid JSON (Unexpected end of JSON input)',
    ]);
  });
});

describe('readSessions: the seed test file', () => {
  it('maps every result to a record and keeps every field', async () => {
    const result = await read(['seed'], FIXTURES, { keepRecords: true });
    expect(result.messages).toEqual([]);
    expect(result.files).toEqual(['seed/warm_vs_cold_001.json']);
    const byId = new Map(result.records?.map((r) => [r.session_id, r]));
    expect([...byId.keys()]).toEqual(['cold-1', 'cold-2', 'cold-3', 'warm-1', 'warm-2']);
    const shared = { experiment: 'warm_vs_cold_001', category: 'debugging', difficulty: 'medium' };
    expect(byId.get('cold-1')).toEqual({
      ...shared,
      session_id: 'cold-1',
      session_type: 'cold',
      variant: 'cold',
      task_id: 'fix-login-bug',
      success: true,
      tool_calls: 12,
      successful_tool_calls: 10,
      completion_time_seconds: 45.2,
      message_count: 14,
      user_corrections: 1,
      errors: ['npm test timed out'],
      start_time: '2024-05-01T10:00:00.123456',
      end_time: '2024-05-01T10:00:45.323456',
      tokens_used: 5400,
      model: 'claude-sonnet',
    });
    // No session_type: the list gives the variant; `end_time: null` is absent.
    expect(byId.get('cold-2')).toMatchObject({
      ...shared,
      variant: 'cold',
      task_id: 'fix-login-bug',
    });
    expect(byId.get('cold-2')?.end_time).toBeUndefined();
    expect(byId.get('cold-3')).toMatchObject({ variant: 'cold', task_id: 'other-task' });
    expect(byId.get('warm-1')).toMatchObject({ variant: 'warm', context_sessions: ['cold-1'] });
    expect(byId.get('warm-2')).toMatchObject({ variant: 'warm-v2', tokens_used: 5800 });
    expect(result.table.labels('variant')).toEqual(['cold', 'warm', 'warm-v2']);
  });

  it('takes task_id from task.id or else test_id, and places problems in the lists', async () => {
    const seed = (task: unknown) => ({
      test_id: 'test-7',
      task,
      cold_results: [
        { session_id: 'c1' },
        { session_id: 'c2' },
        { session_id: 'c3', tool_calls: -2 },
      ],
      warm_results: 'none',
    });
    const dir = tempFiles({
      'by-id.json': JSON.stringify(seed({ id: 42 })),
      'no-task.json': `\uFEFF${JSON.stringify(seed(null))}`,
    });
    const result = await read(['by-id.json', 'no-task.json'], dir, { keepRecords: true });
    expect(result.messages).toEqual([
      'by-id.json: cold_results[2].tool_calls: expected a whole number >= 0, got -2',
      'by-id.json: warm_results: expected a list of session results, got "none"',
      'no-task.json: cold_results[2].tool_calls: expected a whole number >= 0, got -2',
      'no-task.json: warm_results: expected a list of session results, got "none"',
    ]);
    expect(result.records?.map((r) => [r.session_id, r.task_id, r.variant])).toEqual([
      ['c1', 'test-7', 'cold'],
      ['c2', 'test-7', 'cold'],
    ]);
    expect(result.table.duplicates.conflicting).toBe(2);
  });
});

describe('readSessions: inputs', () => {
  it('reads every record file below a directory, sorted', async () => {
    const result = await read(['results'], FIXTURES);
    expect(result.files).toEqual(['results/a.json', 'results/cold.jsonl', 'results/warm.jsonl']);
    expect(result.recordsRead).toBe(3 + 4 + 14);
  });

  it('expands a glob, sorted, and reads a file matched twice once', async () => {
    const result = await read(['results/*.jsonl', 'results/cold.jsonl', '**/*.json'], FIXTURES);
    expect(result.files).toEqual([
      'results/cold.jsonl',
      'results/warm.jsonl',
      'results/a.json',
      'seed/warm_vs_cold_001.json',
    ]);
  });

  it('reports inputs that yield no files', async () => {
    const dir = tempFiles({ 'empty/notes.txt': 'nothing here' });
    const result = await read(['results/*.csv', 'results/nope.json', 'empty'], dir);
    expect(result.messages).toEqual([
      'results/*.csv: no files match',
      'results/nope.json: no such file or directory',
      'empty: no .json, .jsonl or .ndjson files in this directory',
    ]);
    expect(result.files).toEqual([]);
  });

  it('reports empty files', async () => {
    const dir = tempFiles({
      'a.json': '',
      'b.json': ' \n\t\n',
      'c.jsonl': '\n\r\n',
      'd.json': '\uFEFF',
    });
    const result = await read(['a.json', 'b.json', 'c.jsonl', 'd.json'], dir);
    expect(result.messages).toEqual([
      'a.json: empty file, expected JSON records',
      'b.json: empty file, expected JSON records',
      'c.jsonl: empty file, expected JSON records',
      'd.json: empty file, expected JSON records',
    ]);
  });

  it('reports binary data', async () => {
    const dir = tempFiles({
      'nul.jsonl': Buffer.from([0x7b, 0x00, 0x01, 0x02, 0x7d, 0x0a]),
      'latin1.json': Buffer.from('{"session_id": "caf\xe9"}', 'latin1'),
      'image.json': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xd8]),
    });
    const result = await read(['nul.jsonl', 'latin1.json', 'image.json'], dir);
    expect(result.messages).toEqual([
      'nul.jsonl: not a text file (binary data), expected JSON records',
      'latin1.json: not a text file (binary data), expected JSON records',
      'image.json: not a text file (binary data), expected JSON records',
    ]);
  });

  it('does not take a character cut by the 1 KiB sample for binary data', async () => {
    const name = 'é'.repeat(600); // 2 bytes each: the sample ends inside a character
    const dir = tempFiles({ 'long.json': JSON.stringify(record('a', { notes: name })) });
    const result = await read(['long.json'], dir);
    expect(result.messages).toEqual([]);
    expect(result.table.size).toBe(1);
  });
});

describe('readSessions: dedupe and experiments', () => {
  it('counts identical re-reports and lets conflicting later records win', async () => {
    const first = [record('a', { tool_calls: 3 }), record('b', { tool_calls: 4 })];
    const second = [
      record('a', { tool_calls: 3, notes: 'again' }),
      record('b', { tool_calls: 9 }),
      record('c'),
    ];
    const dir = tempFiles({ '1.jsonl': jsonLines(first), '2.json': JSON.stringify(second) });
    const result = await read(['1.jsonl', '2.json'], dir, { keepRecords: true });
    expect(result.recordsRead).toBe(5);
    expect(result.table.size).toBe(3);
    expect(result.table.duplicates).toEqual({
      identical: 1,
      conflicting: 1,
      conflictingIds: ['b'],
    });
    expect([...result.table.column('tool_calls')]).toEqual([3, 9, NaN]);
    expect(result.records).toEqual([second[0], second[1], second[2]]);
  });

  it('leaves out and counts records of other experiments; gives the rest the experiment', async () => {
    const records = [
      record('a'),
      record('b', { experiment: 'exp-a' }),
      record('c', { experiment: 'exp-b' }),
      record('d', { experiment: 'exp-b' }),
      record('e', { experiment: 'old' }),
    ];
    const dir = tempFiles({ 'mixed.jsonl': jsonLines(records) });
    const result = await read(['mixed.jsonl'], dir, { experiment: 'exp-a', keepRecords: true });
    expect(result.otherExperiments).toEqual({ 'exp-b': 2, old: 1 });
    expect(result.recordsRead).toBe(2);
    expect(result.table.labels('experiment')).toEqual(['exp-a']);
    expect(result.records?.map((r) => r.experiment)).toEqual(['exp-a', 'exp-a']);
  });

  it('reads records of every experiment when none is set', async () => {
    const records = [
      record('a', { experiment: 'x' }),
      record('b', { experiment: 'y' }),
      record('c'),
    ];
    const dir = tempFiles({ 'all.jsonl': jsonLines(records) });
    const result = await read(['all.jsonl'], dir);
    expect(result.otherExperiments).toEqual({});
    expect(result.table.labels('experiment')).toEqual(['x', 'y']);
    expect([...result.table.codes('experiment')]).toEqual([0, 1, -1]);
  });

  it('takes session_type as the variant and reports a mismatch', async () => {
    const records = [
      { session_id: 'a', session_type: 'cold', task_id: 't' },
      { session_id: 'b', session_type: 'cold', variant: 'warm', task_id: 't' },
    ];
    const dir = tempFiles({ 'seedish.jsonl': jsonLines(records) });
    const result = await read(['seedish.jsonl'], dir);
    expect(result.messages).toEqual([
      'seedish.jsonl:2: session_type: expected the same value as variant ("warm"), got "cold"',
    ]);
    expect(result.table.labels('variant')).toEqual(['cold']);
  });
});
