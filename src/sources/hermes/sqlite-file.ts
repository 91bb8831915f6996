import { readFile, stat } from 'node:fs/promises';
import type { SqlJsStatic } from 'sql.js';
// The WebAssembly build with the .wasm inlined: one JavaScript file, so the ncc bundles carry it
// without an asset file, and nothing is fetched or compiled at install time.
import initSqlJs from 'sql.js/dist/sql-wasm-inline.js';
import { describeReadError } from '../../records/file-text.js';

let engine: Promise<SqlJsStatic> | undefined;

/** sql.js, loaded once. */
export function sqlEngine(): Promise<SqlJsStatic> {
  engine ??= startSqlJs();
  return engine;
}

/**
 * Starts sql.js with the set-up it has for hosts other than Node.js. Its Node.js set-up sets
 * `module` to undefined and later runs `typeof module !== 'undefined' && (module.exports = …)`,
 * which ncc's bundler folds into an unconditional write that throws: the bundled CLI could not
 * start it. The other set-up is all that is needed (the WebAssembly is inline; sql.js reads no
 * file), and sql.js picks it when `process.type` is `renderer` (Electron's renderer). That mark
 * is set only while sql.js decides, synchronously, and removed before anything else runs.
 */
function startSqlJs(): Promise<SqlJsStatic> {
  const host = process as NodeJS.Process & { type?: string };
  const had = Object.hasOwn(host, 'type');
  const previous = host.type;
  host.type = 'renderer';
  try {
    return initSqlJs();
  } finally {
    if (had) host.type = previous;
    else delete host.type;
  }
}

/** The bytes of a database to open, or why there are none. */
export type DatabaseImage =
  | {
      bytes: Uint8Array;
      /** Committed transactions taken from the `-wal` file beside the database. */
      walCommits: number;
      /** Why the `-wal` file was left out, if it was. */
      walProblem?: string;
    }
  | { problem: string };

const HEADER = 'SQLite format 3\0';
/** sql.js holds the database in WebAssembly memory, and Node.js reads no bigger file at once. */
const MAX_BYTES = 2 ** 31 - 1;
/** Offsets in the database header: page size, and the file format write and read versions. */
const PAGE_SIZE_OFFSET = 16;
const WRITE_VERSION_OFFSET = 18;
const READ_VERSION_OFFSET = 19;
const ROLLBACK_JOURNAL = 1;

/**
 * Reads an SQLite database as SQLite itself would see it: the main file, with the transactions
 * still in its write-ahead log (`<file>-wal`, where Hermes' WAL mode leaves recent writes until a
 * checkpoint) applied. sql.js opens databases from bytes in memory and cannot read a WAL, so the
 * log is checkpointed here, into the copy; the files are never written.
 */
export async function readDatabaseImage(file: string): Promise<DatabaseImage> {
  let main: Uint8Array;
  try {
    const { size } = await stat(file);
    if (size > MAX_BYTES) {
      const gib = (size / 2 ** 30).toFixed(1);
      return { problem: `cannot read: ${gib} GiB, more than the 2 GiB read into memory at most` };
    }
    main = await readFile(file);
  } catch (error) {
    return { problem: describeReadError(error) };
  }
  if (main.length > 0 && !hasSqliteHeader(main)) {
    return { problem: 'not a Hermes session database: not an SQLite file' };
  }
  let wal: Uint8Array | undefined;
  try {
    wal = await readFile(`${file}-wal`);
  } catch {
    wal = undefined; // No log (the usual case), or one we may not read: the main file is all there is.
  }
  const image = wal && wal.length > 0 ? applyWal(main, wal) : { bytes: main, walCommits: 0 };
  if (image.bytes.length === 0)
    return { problem: 'empty file, expected a Hermes session database' };
  // A database in WAL mode says so in its header; in memory, without a log, it must not.
  image.bytes[WRITE_VERSION_OFFSET] = ROLLBACK_JOURNAL;
  image.bytes[READ_VERSION_OFFSET] = ROLLBACK_JOURNAL;
  return image;
}

function hasSqliteHeader(bytes: Uint8Array): boolean {
  if (bytes.length < HEADER.length) return false;
  for (let i = 0; i < HEADER.length; i++) if (bytes[i] !== HEADER.charCodeAt(i)) return false;
  return true;
}

const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;
const WAL_MAGIC = 0x377f0682;

/**
 * The database with the committed frames of its write-ahead log written over its pages, as a
 * checkpoint does (https://sqlite.org/fileformat2.html#walformat). Frames count only while their
 * salts match the log's header and their running checksum holds, up to the last commit frame:
 * what a crash or a writer still at work left half-written is not read, as in SQLite.
 */
export function applyWal(
  main: Uint8Array,
  wal: Uint8Array,
): { bytes: Uint8Array; walCommits: number; walProblem?: string } {
  const unchanged = (walProblem?: string) => ({
    bytes: main,
    walCommits: 0,
    ...(walProblem && { walProblem }),
  });
  if (wal.length < WAL_HEADER_BYTES) return unchanged();
  const view = new DataView(wal.buffer, wal.byteOffset, wal.byteLength);
  const magic = view.getUint32(0);
  if ((magic & ~1) >>> 0 !== WAL_MAGIC) return unchanged('not a write-ahead log, left out');
  const littleEndian = (magic & 1) === 0;
  const pageSize = view.getUint32(8);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) {
    return unchanged(`write-ahead log with an invalid page size (${pageSize}), left out`);
  }
  if (main.length >= WAL_HEADER_BYTES && pageSizeOf(main) !== pageSize) {
    return unchanged(
      `write-ahead log for another database (page size ${pageSize}, not ${pageSizeOf(main)}), left out`,
    );
  }
  const salt1 = view.getUint32(16);
  const salt2 = view.getUint32(20);
  let sum = checksum(view, 0, 24, [0, 0], littleEndian);
  // A log whose header does not check out is one SQLite ignores: a stale or unwritten one.
  if (sum[0] !== view.getUint32(24) || sum[1] !== view.getUint32(28)) return unchanged();

  /** Offsets in the log of each page's latest committed content. */
  const committed = new Map<number, number>();
  const pending: [number, number][] = [];
  let pages = main.length / pageSize;
  let commits = 0;
  const frameBytes = FRAME_HEADER_BYTES + pageSize;
  for (let offset = WAL_HEADER_BYTES; offset + frameBytes <= wal.length; offset += frameBytes) {
    const page = view.getUint32(offset);
    const pagesAfterCommit = view.getUint32(offset + 4);
    if (page === 0 || view.getUint32(offset + 8) !== salt1) break;
    if (view.getUint32(offset + 12) !== salt2) break;
    sum = checksum(view, offset, 8, sum, littleEndian);
    sum = checksum(view, offset + FRAME_HEADER_BYTES, pageSize, sum, littleEndian);
    if (sum[0] !== view.getUint32(offset + 16) || sum[1] !== view.getUint32(offset + 20)) break;
    pending.push([page, offset + FRAME_HEADER_BYTES]);
    if (pagesAfterCommit !== 0) {
      for (const [number, data] of pending) committed.set(number, data);
      pending.length = 0;
      pages = pagesAfterCommit;
      commits++;
    }
  }
  if (commits === 0) return unchanged();

  const bytes = new Uint8Array(pages * pageSize);
  bytes.set(main.subarray(0, Math.min(main.length, bytes.length)));
  for (const [page, data] of committed) {
    if (page <= pages) bytes.set(wal.subarray(data, data + pageSize), (page - 1) * pageSize);
  }
  return { bytes, walCommits: commits };
}

function pageSizeOf(main: Uint8Array): number {
  const size = ((main[PAGE_SIZE_OFFSET] ?? 0) << 8) | (main[PAGE_SIZE_OFFSET + 1] ?? 0);
  return size === 1 ? 65536 : size;
}

/** SQLite's WAL checksum of `length` bytes (a multiple of 8), continuing from `sum`. */
function checksum(
  view: DataView,
  offset: number,
  length: number,
  sum: readonly [number, number],
  littleEndian: boolean,
): [number, number] {
  let [s1, s2] = sum;
  for (let i = offset; i < offset + length; i += 8) {
    s1 = (s1 + view.getUint32(i, littleEndian) + s2) >>> 0;
    s2 = (s2 + view.getUint32(i + 4, littleEndian) + s1) >>> 0;
  }
  return [s1, s2];
}
