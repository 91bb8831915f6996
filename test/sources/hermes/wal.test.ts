import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyWal } from '../../../src/sources/hermes/sqlite-file.js';

import { formatProblem } from '../../../src/records/problems.js';
import { useTempFiles } from '../../records/temp-files.js';
import { makeDatabase, type Row, readDb } from './hermes-db.js';

const tempFiles = useTempFiles();

const PAGE = 4096;
const SALTS: [number, number] = [0x1234abcd, 0x0badf00d];

interface Frame {
  page: number;
  data: Uint8Array;
  /** The database's size in pages after this frame, on the last frame of a transaction. */
  commit?: number;
}

interface WalOptions {
  bigEndian?: boolean;
  pageSize?: number;
  /** Salts written into the frames, when they should not match the header's. */
  frameSalts?: [number, number];
  /** Index of a frame whose checksum is written wrong. */
  badChecksumAt?: number;
}

/** A write-ahead log as SQLite writes it (https://sqlite.org/fileformat2.html#walformat). */
function walFile(frames: readonly Frame[], options: WalOptions = {}): Uint8Array {
  const pageSize = options.pageSize ?? PAGE;
  const little = options.bigEndian !== true;
  const bytes = new Uint8Array(32 + frames.length * (24 + pageSize));
  const view = new DataView(bytes.buffer);
  const sum = (offset: number, length: number, [a, b]: number[]): [number, number] => {
    let [s1, s2] = [a ?? 0, b ?? 0];
    for (let i = offset; i < offset + length; i += 8) {
      s1 = (s1 + view.getUint32(i, little) + s2) % 2 ** 32;
      s2 = (s2 + view.getUint32(i + 4, little) + s1) % 2 ** 32;
    }
    return [s1, s2];
  };
  view.setUint32(0, little ? 0x377f0682 : 0x377f0683);
  view.setUint32(4, 3007000);
  view.setUint32(8, pageSize);
  view.setUint32(16, SALTS[0]);
  view.setUint32(20, SALTS[1]);
  let checksum = sum(0, 24, [0, 0]);
  view.setUint32(24, checksum[0]);
  view.setUint32(28, checksum[1]);
  frames.forEach((frame, i) => {
    const offset = 32 + i * (24 + pageSize);
    const salts = options.frameSalts ?? SALTS;
    view.setUint32(offset, frame.page);
    view.setUint32(offset + 4, frame.commit ?? 0);
    view.setUint32(offset + 8, salts[0]);
    view.setUint32(offset + 12, salts[1]);
    bytes.set(frame.data.subarray(0, pageSize), offset + 24);
    checksum = sum(offset + 24, pageSize, sum(offset, 8, checksum));
    view.setUint32(offset + 16, checksum[0] ^ (options.badChecksumAt === i ? 1 : 0));
    view.setUint32(offset + 20, checksum[1]);
  });
  return bytes;
}

/** Frames writing every page of `database`, the last one committing. */
function framesOf(database: Uint8Array, commit = true): Frame[] {
  const pages = database.length / PAGE;
  return Array.from({ length: pages }, (_, i) => ({
    page: i + 1,
    data: database.subarray(i * PAGE, (i + 1) * PAGE),
    ...(commit && i === pages - 1 && { commit: pages }),
  }));
}

const sessionRow = (id: string): Row => ({ id, source: 'cli', started_at: 1714557600 });
const userMessage = (id: string): Row => ({
  session_id: id,
  role: 'user',
  content: `task of ${id}`,
  timestamp: 1714557600,
});

async function stateDb(...ids: string[]): Promise<Uint8Array> {
  return makeDatabase({ sessions: ids.map(sessionRow), messages: ids.map(userMessage) });
}

describe('applyWal', () => {
  it('applies committed transactions, as a checkpoint does', async () => {
    const [v1, v2, v3] = await Promise.all([stateDb('a'), stateDb('a', 'b'), stateDb('c')]);
    const wal = walFile([...framesOf(v2), ...framesOf(v3)]);
    const result = applyWal(v1, wal);
    expect(result.walCommits).toBe(2);
    expect(result.bytes).toEqual(v3);
  });

  it('reads big-endian checksums too', async () => {
    const [v1, v2] = await Promise.all([stateDb('a'), stateDb('a', 'b')]);
    const result = applyWal(v1, walFile(framesOf(v2), { bigEndian: true }));
    expect(result.bytes).toEqual(v2);
  });

  it('leaves out what was not committed or not written whole', async () => {
    const [v1, v2, v3] = await Promise.all([stateDb('a'), stateDb('a', 'b'), stateDb('c')]);
    const uncommitted = walFile([...framesOf(v2), ...framesOf(v3, false)]);
    expect(applyWal(v1, uncommitted)).toEqual({ bytes: v2, walCommits: 1 });
    const torn = walFile([...framesOf(v2), ...framesOf(v3)], {
      badChecksumAt: v2.length / PAGE,
    });
    expect(applyWal(v1, torn)).toEqual({ bytes: v2, walCommits: 1 });
  });

  it('ignores a stale log, as SQLite does', async () => {
    const [v1, v2] = await Promise.all([stateDb('a'), stateDb('a', 'b')]);
    const stale = walFile(framesOf(v2), { frameSalts: [1, 2] });
    expect(applyWal(v1, stale)).toEqual({ bytes: v1, walCommits: 0 });
    const badHeader = walFile(framesOf(v2));
    badHeader[25] = (badHeader[25] ?? 0) ^ 0xff;
    expect(applyWal(v1, badHeader)).toEqual({ bytes: v1, walCommits: 0 });
    expect(applyWal(v1, new Uint8Array(0))).toEqual({ bytes: v1, walCommits: 0 });
  });

  it('says why it left out a log that is not this database’s', async () => {
    const [v1, v2] = await Promise.all([stateDb('a'), stateDb('a', 'b')]);
    expect(applyWal(v1, walFile(framesOf(v2), { pageSize: 1024 })).walProblem).toBe(
      'write-ahead log for another database (page size 1024, not 4096), left out',
    );
    expect(applyWal(v1, new Uint8Array(64).fill(7)).walProblem).toBe(
      'not a write-ahead log, left out',
    );
  });
});

describe('readHermesDb with a write-ahead log', () => {
  it('reads the sessions still in state.db-wal', async () => {
    const [v1, v2] = await Promise.all([stateDb('a'), stateDb('a', 'b')]);
    const dir = tempFiles({ 'state.db': v1, 'state.db-wal': walFile(framesOf(v2)) });
    const { records, problems } = await readDb(join(dir, 'state.db'), { variant: 'warm' });
    expect(problems).toEqual([]);
    expect(records.map((record) => record.session_id)).toEqual(['a', 'b']);
  });

  it('reports a log it cannot use, and reads the database without it', async () => {
    const dir = tempFiles({ 'state.db': await stateDb('a'), 'state.db-wal': 'x'.repeat(64) });
    const { records, problems } = await readDb(join(dir, 'state.db'), { variant: 'warm' });
    expect(problems.map((problem) => formatProblem(problem).replace(`${dir}/`, ''))).toEqual([
      'state.db-wal: not a write-ahead log, left out',
    ]);
    expect(records.map((record) => record.session_id)).toEqual(['a']);
  });
});
