import { isAscii, isUtf8 } from 'node:buffer';

const NEWLINE = 0x0a;

/** A line of a store file that cannot be read; `reason` in plain words. */
export class LineError extends Error {
  constructor(
    readonly reason: string,
    /** The 1-based line number. */
    readonly line: number,
  ) {
    super(reason);
    this.name = 'LineError';
  }
}

export interface LineOptions {
  /** A longer line stops the read with a LineError: no line is held whole beyond this. */
  maxLineBytes: number;
  /** Stops after this many bytes: what follows is not read (a writer's unfinished append). */
  maxBytes?: number;
  /** Stops the read with the signal's reason. */
  signal?: AbortSignal;
}

export interface LinesRead {
  /** Lines handed to `onLine`: every line, blank ones included, and a last one without newline. */
  lines: number;
  /** Bytes read, up to `maxBytes`. */
  bytes: number;
  /** Whether the last line read had no newline (cut short). */
  unterminated: boolean;
}

/**
 * Streams the lines of a UTF-8 byte stream to `onLine` (without the newline), holding at most one
 * chunk and one line. Invalid UTF-8 or a line longer than `maxLineBytes` throws a LineError.
 */
export async function readLines(
  chunks: AsyncIterable<Uint8Array>,
  options: LineOptions,
  onLine: (text: string, line: number) => void,
): Promise<LinesRead> {
  const limit = options.maxBytes ?? Infinity;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 0;
  let bytes = 0;
  const emit = (region: Buffer) => {
    // Whole lines only, so a character is never cut.
    const ascii = isAscii(region);
    if (!ascii && !isUtf8(region)) throw new LineError('not UTF-8 text', line + badLine(region));
    const text = region.toString(ascii ? 'latin1' : 'utf8');
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      // Lines within one chunk: counted in characters, a lower bound of their bytes.
      if (end - start > options.maxLineBytes) throw tooLong();
      onLine(text.slice(start, end), ++line);
      start = end + 1;
    }
  };
  const tooLong = () =>
    new LineError(`longer than ${options.maxLineBytes} bytes, the longest a line may be`, line + 1);
  for await (const chunk of chunks) {
    options.signal?.throwIfAborted();
    let data = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    if (bytes + data.length > limit) data = data.subarray(0, limit - bytes);
    bytes += data.length;
    const first = data.indexOf(NEWLINE);
    if (first === -1) {
      pending.push(data);
      pendingBytes += data.length;
      if (pendingBytes > options.maxLineBytes) throw tooLong();
    } else {
      if (pendingBytes + first > options.maxLineBytes) throw tooLong();
      const last = data.lastIndexOf(NEWLINE);
      emit(
        pending.length > 0
          ? Buffer.concat([...pending, data.subarray(0, last + 1)])
          : data.subarray(0, last + 1),
      );
      pending = last + 1 < data.length ? [data.subarray(last + 1)] : [];
      pendingBytes = data.length - last - 1;
      if (pendingBytes > options.maxLineBytes) throw tooLong();
    }
    if (bytes >= limit) break;
  }
  const unterminated = pendingBytes > 0;
  if (unterminated) emit(Buffer.concat([...pending, Buffer.from('\n')]));
  return { lines: line, bytes, unterminated };
}

/** Which line of `region` (from 1) is not UTF-8. */
function badLine(region: Buffer): number {
  let start = 0;
  for (let number = 1; ; number++) {
    const end = region.indexOf(NEWLINE, start);
    const line = region.subarray(start, end === -1 ? region.length : end);
    if (!isUtf8(line) || end === -1) return number;
    start = end + 1;
  }
}
