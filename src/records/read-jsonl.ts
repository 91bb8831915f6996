import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { BINARY_FILE, EMPTY_FILE, describeReadError, looksBinary, stripBom } from './file-text.js';
import type { InputFile } from './find-input-files.js';
import { jsonLineProblem, jsonLineText } from './json-line.js';
import type { RecordSink } from './record-collector.js';

/** Big chunks: per-chunk overhead dominates with the default 64 KiB. */
const CHUNK_BYTES = 1 << 20;
/**
 * The longest line one record may take. Longer is refused before it is held whole, so a file
 * without newlines costs no more memory than this; the store's lines have room for it.
 */
export const MAX_RECORD_LINE_BYTES = 4 << 20;
const NEWLINE = 0x0a;

/** Bytes `[start, end)` of a file; `start` is 0 or just after a newline. */
export interface ByteRange {
  start: number;
  end: number;
}

/** What reading a range found: its lines are numbered from 1 within the range. */
export interface RangeScan {
  /** Lines read: the newlines in the range, plus one for a last line without a newline. */
  lines: number;
  /** Lines that are not blank. */
  contentLines: number;
  /** False when the file could not be read (a problem says why) or is binary. */
  complete: boolean;
}

/**
 * Streams a JSON Lines file, one record per line (CRLF, a leading BOM and blank lines accepted).
 * Only one chunk and one partial line are held at a time. Lines are split by hand: `readline`
 * is several times slower.
 */
export async function readJsonLines(file: InputFile, sink: RecordSink): Promise<void> {
  const scan = await readJsonLinesRange(file, sink);
  if (scan.complete && scan.contentLines === 0) sink.problem(file.display, '', EMPTY_FILE);
}

/**
 * `readJsonLines` for the bytes of `range` (the whole file without one), numbering its lines
 * from 1, and without the empty file check, which needs every range. Only the range at the start
 * of the file is checked for binary data and a BOM.
 */
export async function readJsonLinesRange(
  file: InputFile,
  sink: RecordSink,
  range?: ByteRange,
): Promise<RangeScan> {
  const decoder = new StringDecoder('utf8');
  let lineNumber = 0;
  let contentLines = 0;
  let atFileStart = (range?.start ?? 0) === 0;

  const readLine = (raw: string): void => {
    lineNumber++;
    const line = jsonLineText(raw);
    if (line === undefined) return;
    contentLines++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      const { location, message } = jsonLineProblem(error, line, lineNumber);
      sink.problem(file.display, location, message);
      return;
    }
    sink.record(file.display, lineNumber, value);
  };

  /**
   * Text of whole lines. ASCII, the usual case, needs no UTF-8 decoding; bytes that end in a
   * newline leave the decoder with no character half done.
   */
  const decode = (bytes: Buffer): string => {
    const text = isAscii(bytes) ? bytes.toString('latin1') : decoder.write(bytes);
    if (!atFileStart) return text;
    atFileStart = false;
    return stripBom(text);
  };

  /** Reads every line of `text`, which ends with a newline. */
  const readLines = (text: string): void => {
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      readLine(text.slice(start, end));
      start = end + 1;
    }
  };

  const incomplete = (): RangeScan => ({ lines: lineNumber, contentLines, complete: false });
  // createReadStream's `end` is inclusive.
  const bounds = range && { start: range.start, end: range.end - 1 };
  /** The bytes of the line that the last chunk cut. */
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  /** In a line too long to read: its bytes are passed over up to its newline. */
  let skipping = false;
  const tooLong = (): void => {
    lineNumber++;
    contentLines++;
    sink.problem(
      file.display,
      String(lineNumber),
      `line longer than ${MAX_RECORD_LINE_BYTES >> 20} MiB, the most one record may take; not read`,
    );
    pending = [];
    pendingBytes = 0;
    skipping = true;
  };
  try {
    let firstChunk = atFileStart;
    const chunks = createReadStream(file.absolute, { highWaterMark: CHUNK_BYTES, ...bounds });
    for await (const chunk of chunks) {
      const bytes = chunk as Buffer;
      if (firstChunk) {
        firstChunk = false;
        if (looksBinary(bytes)) {
          sink.problem(file.display, '', BINARY_FILE);
          return incomplete();
        }
      }
      // Split on the bytes, so that only whole lines are decoded: the line the last chunk cut,
      // then the lines of this chunk. Copying the chunk to join them costs more.
      const cut = bytes.indexOf(NEWLINE) + 1;
      if (cut === 0) {
        if (skipping) continue;
        pending.push(bytes);
        pendingBytes += bytes.length;
        if (pendingBytes > MAX_RECORD_LINE_BYTES) tooLong();
        continue;
      }
      const end = bytes.lastIndexOf(NEWLINE) + 1;
      if (!skipping && pendingBytes + cut > MAX_RECORD_LINE_BYTES) tooLong();
      if (skipping) {
        skipping = false;
        readLines(decode(bytes.subarray(cut, end)));
      } else if (pending.length > 0) {
        readLines(decode(Buffer.concat([...pending, bytes.subarray(0, cut)])));
        pending = [];
        pendingBytes = 0;
        readLines(decode(bytes.subarray(cut, end)));
      } else {
        readLines(decode(bytes.subarray(0, end)));
      }
      if (end < bytes.length) {
        pending.push(bytes.subarray(end));
        pendingBytes = bytes.length - end;
      }
    }
  } catch (error) {
    sink.problem(file.display, '', describeReadError(error));
    return incomplete();
  }
  const last = decode(Buffer.concat(pending)) + decoder.end();
  if (last !== '') readLine(last);
  return { lines: lineNumber, contentLines, complete: true };
}
