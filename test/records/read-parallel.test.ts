import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSessions, type ReadOptions } from '../../src/records/read.js';
import { rangeWorkerScript } from './range-worker.js';
import { EXTRA_FIELDS, jsonLinesText } from './session-lines.js';
import { resultSnapshot } from './table-snapshot.js';
import { useTempFiles } from './temp-files.js';

/** The CLI's bundle, whose entry point also runs range tasks when started as a worker. */
const BUNDLE = fileURLToPath(new URL('../../dist/read-worker.js', import.meta.url));
const tempFiles = useTempFiles();

/** The range task bundled from src/: the worker script of every test here but the bundle's. */
let worker: string;
beforeAll(async () => {
  worker = await rangeWorkerScript(tempFiles({}));
});

/** What reading on one thread gives, as plain data. */
async function readSingle(patterns: string[], cwd: string, options: Partial<ReadOptions> = {}) {
  const read = await readSessions(patterns, {
    onInvalid: 'fail',
    cwd,
    ...options,
    parallel: { threads: 1 },
  });
  return resultSnapshot(read, options.labelFields ?? []);
}

/** What reading on `threads` gives, whatever the size, as plain data. */
async function readParallel(
  patterns: string[],
  cwd: string,
  threads: number,
  options: Partial<ReadOptions> = {},
  workerScript = worker,
) {
  const read = await readSessions(patterns, {
    onInvalid: 'fail',
    cwd,
    ...options,
    parallel: { workerScript, minBytes: 0, threads },
  });
  return resultSnapshot(read, options.labelFields ?? []);
}

/** Reads on one thread, then on each of `threads`: the same every time. Returns the result. */
async function expectSameResult(
  patterns: string[],
  cwd: string,
  threads: number[],
  options: Partial<ReadOptions> = {},
) {
  const single = await readSingle(patterns, cwd, options);
  for (const count of threads) {
    const parallel = await readParallel(patterns, cwd, count, options);
    expect(parallel, `${count} threads`).toEqual(single);
  }
  return single;
}

describe('readSessions on several threads: the result of reading on one', () => {
  it('for files full of duplicates, invalid lines, blank lines, CRLF and a BOM', async () => {
    for (let seed = 1; seed <= 4; seed++) {
      const text = jsonLinesText(seed, { lines: 400 + seed * 150, bom: seed % 2 === 0 });
      const dir = tempFiles({ 'sessions.jsonl': text });
      const options: Partial<ReadOptions> =
        seed % 3 === 0 ? { experiment: 'exp', onInvalid: 'skip' } : {};
      await expectSameResult(['sessions.jsonl'], dir, [2, 3, 5], options);
    }
  });

  it('with extra label fields, which the workers keep as the main thread does', async () => {
    for (let seed = 5; seed <= 7; seed++) {
      const text = jsonLinesText(seed, { lines: 600, extraFields: true });
      const dir = tempFiles({ 'sessions.jsonl': text });
      const options: Partial<ReadOptions> = { labelFields: [...EXTRA_FIELDS, 'category'] };
      const single = await expectSameResult(['sessions.jsonl'], dir, [2, 3, 5], options);
      expect(single.table.labels.find(([field]) => field === 'model')?.[1]).not.toEqual([]);
    }
  });

  it('keeps more than 20 conflicting ids in file order, across ranges', async () => {
    const record = (id: number, calls: number) =>
      JSON.stringify({ session_id: `s${id}`, variant: 'cold', task_id: 't', tool_calls: calls });
    const ids = Array.from({ length: 40 }, (_, i) => i);
    const lines = [
      ...ids.map((i) => record(i, 1)),
      ...ids.map((i) => record(39 - i, 2)),
      ...ids.map((i) => record(i, 2)),
      ...ids.map((i) => record(i % 7, 3 + i)),
    ];
    const dir = tempFiles({ 'conflicts.jsonl': lines.join('\n') });
    await expectSameResult(['conflicts.jsonl'], dir, [2, 3, 5, 8]);
  });

  it('for lines far longer than a range, and more threads than lines', async () => {
    const long = (id: string) =>
      JSON.stringify({ session_id: id, variant: 'cold', task_id: 't', notes: 'x'.repeat(70_000) });
    const text = `${long('a')}\n\n${long('b')}\r\n{"broken": \n${long('a')}\n`;
    const dir = tempFiles({ 'long.jsonl': text, 'short.jsonl': `${long('c')}\n` });
    await expectSameResult(['long.jsonl'], dir, [2, 4, 16]);
    await expectSameResult(['short.jsonl'], dir, [2, 3]);
  });

  it('for a file whose ranges are all invalid, or whose one range is', async () => {
    const invalid = Array.from({ length: 50 }, (_, i) => `{"session_id": "s${i}"}`).join('\n');
    const valid = jsonLinesText(3, { lines: 50, invalid: 0 });
    const dir = tempFiles({
      'invalid.jsonl': `${invalid}\n`,
      'tail.jsonl': `${valid}${invalid}`,
      'one.jsonl': '{"session_id": 1}\n',
    });
    await expectSameResult(['invalid.jsonl'], dir, [2, 3]);
    await expectSameResult(['tail.jsonl'], dir, [2, 3], { onInvalid: 'skip' });
    await expectSameResult(['one.jsonl'], dir, [2, 4]);
  });

  it('for empty, blank, binary and missing files, and with other files around', async () => {
    const dir = tempFiles({
      'empty.jsonl': '',
      'blank.jsonl': '\n  \r\n\n\t\n',
      'bom-only.jsonl': '\uFEFF',
      'binary.jsonl': new Uint8Array([0x7b, 0x00, 0x0a, 0xff, 0x0a, 0x7d]),
      'a.json': JSON.stringify([{ session_id: 'j', variant: 'cold', task_id: 't' }, {}]),
      'b.jsonl': jsonLinesText(9, { lines: 300 }),
    });
    const files = ['empty.jsonl', 'blank.jsonl', 'bom-only.jsonl', 'binary.jsonl', 'missing.jsonl'];
    for (const file of files) await expectSameResult([file], dir, [2, 3]);
    await expectSameResult(['a.json', 'b.jsonl', 'missing.jsonl', '*.jsonl'], dir, [3]);
  });

  it("runs on the CLI's worker bundle (dist/read-worker.js), as the CLI does", async () => {
    if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} not found: run npm run build first`);
    const dir = tempFiles({ 'sessions.jsonl': jsonLinesText(4, { lines: 700, bom: true }) });
    const options: Partial<ReadOptions> = { labelFields: ['category'] };
    const parallel = await readParallel(['sessions.jsonl'], dir, 3, options, BUNDLE);
    expect(parallel).toEqual(await readSingle(['sessions.jsonl'], dir, options));
  });

  it('runs the workers: a worker that cannot start fails the read', async () => {
    const dir = tempFiles({ 'a.jsonl': jsonLinesText(1, { lines: 50 }) });
    const read = readSessions(['a.jsonl'], {
      onInvalid: 'fail',
      cwd: dir,
      parallel: { workerScript: `${dir}/no-such-worker.js`, minBytes: 0, threads: 2 },
    });
    await expect(read).rejects.toThrow(/a\.jsonl in a worker thread failed/);
  });

  it('reads on one thread below the size threshold or when records are kept', async () => {
    const dir = tempFiles({ 'a.jsonl': jsonLinesText(2, { lines: 50 }) });
    const bogus = { workerScript: `${dir}/no-such-worker.js`, threads: 2 };
    const base: ReadOptions = { onInvalid: 'fail', cwd: dir };
    const small = await readSessions(['a.jsonl'], { ...base, parallel: bogus });
    const kept = await readSessions(['a.jsonl'], {
      ...base,
      keepRecords: true,
      parallel: { ...bogus, minBytes: 0 },
    });
    const single = resultSnapshot(await readSessions(['a.jsonl'], base));
    expect(resultSnapshot(small)).toEqual(single);
    expect(resultSnapshot(kept)).toEqual(single);
    expect(kept.records?.length).toBe(kept.table.size);
  });
});
