import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { EMPTY_FILE } from '../records/file-text.js';
import { readSessions } from '../records/read.js';
import type { RecordProblem, SessionRecord } from '../records/types.js';

/** What the results file held when the run started. */
export interface ResultsSoFar {
  /** Finished sessions by session_id. */
  finished: Map<string, SessionRecord>;
  problems: RecordProblem[];
  /** Set when a line cut short by a crash was dropped: what it was, for a warning. */
  droppedTail?: string;
}

const CHUNK = 1 << 16;
/** A tail longer than this is no record of ours: it is dropped without being parsed. */
const MAX_TAIL = 1 << 22;

/**
 * The sessions a results file (JSON Lines, one record per finished session) already holds, for
 * resuming. A last line cut short by a crash (no newline at its end and not a whole record) is
 * cut off the file, so that appending goes on at a line start; anything else that is not a valid
 * record is a located problem, and nothing is dropped.
 */
export async function readResultsSoFar(path: string): Promise<ResultsSoFar> {
  const finished = new Map<string, SessionRecord>();
  const droppedTail = await repairTail(path);
  if (droppedTail === null) return { finished, problems: [] };
  const read = await readSessions([path], { onInvalid: 'fail', keepRecords: true });
  for (const record of read.records ?? []) finished.set(record.session_id, record);
  return {
    finished,
    // An empty file is a run that has finished no session yet.
    problems: read.problems.filter((problem) => problem.message !== EMPTY_FILE),
    ...(droppedTail !== undefined && { droppedTail }),
  };
}

/**
 * Cuts a torn last line off the file; returns its text (shortened) when it did, null when there
 * is no file yet.
 */
async function repairTail(path: string): Promise<string | undefined | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const size = (await handle.stat()).size;
    const lineStart = await lastLineStart(handle, size);
    if (lineStart === size) return undefined;
    const tailBytes = size - lineStart;
    if (tailBytes <= MAX_TAIL) {
      const buffer = Buffer.alloc(tailBytes);
      await handle.read(buffer, 0, tailBytes, lineStart);
      const text = buffer.toString('utf8');
      if (isWholeRecord(text)) {
        await handle.write('\n', size); // written whole, only its newline is missing
        return undefined;
      }
      await handle.truncate(lineStart);
      return text.length > 80 ? `${text.slice(0, 80)}…` : text;
    }
    await handle.truncate(lineStart);
    return `${tailBytes} bytes without a line end`;
  } finally {
    await handle.close();
  }
}

/** The offset just after the file's last newline (0 when it has none). */
async function lastLineStart(handle: FileHandle, size: number): Promise<number> {
  const buffer = Buffer.alloc(CHUNK);
  for (let end = size; end > 0;) {
    const start = Math.max(0, end - CHUNK);
    await handle.read(buffer, 0, end - start, start);
    const newline = buffer.subarray(0, end - start).lastIndexOf(0x0a);
    if (newline !== -1) return start + newline + 1;
    end = start;
  }
  return 0;
}

function isWholeRecord(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && 'session_id' in value;
  } catch {
    return false;
  }
}

/**
 * Appends records to a JSON Lines file, each at once as one write of one whole line, flushed to
 * disk before the next: a crash loses only the sessions still running. Appends from concurrent
 * sessions are queued, never interleaved.
 */
export class ResultsAppender {
  private queue: Promise<void> = Promise.resolve();

  private constructor(private readonly handle: FileHandle) {}

  static async open(path: string): Promise<ResultsAppender> {
    await mkdir(dirname(path), { recursive: true });
    return new ResultsAppender(await open(path, 'a'));
  }

  append(record: object): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    const next = this.queue.then(async () => {
      await this.handle.write(line);
      await this.handle.datasync();
    });
    this.queue = next.catch(() => {});
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.handle.close();
  }
}
