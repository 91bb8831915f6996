import { open, type FileHandle } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import {
  BINARY_FILE,
  EMPTY_FILE,
  describeReadError,
  looksBinary,
  stripBom,
} from '../records/file-text.js';
import { jsonLineProblem, jsonLineText } from '../records/json-line.js';
import type { RecordProblem } from '../records/types.js';
import type { SourceFile } from './types.js';

/** Big chunks: per-chunk overhead dominates with the default 64 KiB. */
const CHUNK_BYTES = 1 << 20;

/** One line of a JSON Lines file: its value, its number (from 1) and its text. */
export interface JsonLine {
  value: unknown;
  number: number;
  text: string;
}

/**
 * Streams a JSON Lines file of an agent's log, calling `each` for every line that parses (blank
 * lines skipped; CRLF and a BOM accepted) and reporting the others in `problems`, located by
 * line and column. Only one chunk and one line are held at a time. A file that cannot be read,
 * is binary or holds no line is one problem. `progress` hears the bytes read so far. Lines
 * `skip` says a reader has no use for (from their text, cheaply) are not parsed: a format's
 * big lines that say nothing of the outcome need not cost a `JSON.parse`.
 */
export async function forEachJsonLine(
  file: SourceFile,
  problems: RecordProblem[],
  each: (line: JsonLine) => void,
  progress?: (done: number, total: number) => void,
  skip?: (text: string) => boolean,
): Promise<void> {
  const fileProblem = (message: string) =>
    problems.push({ file: file.display, location: '', field: '', message });
  let handle: FileHandle;
  let size: number;
  try {
    handle = await open(file.absolute, 'r');
    size = (await handle.stat()).size;
  } catch (error) {
    fileProblem(describeReadError(error));
    return;
  }
  let number = 0;
  let lines = 0;
  const readLine = (raw: string): void => {
    number++;
    const text = jsonLineText(raw);
    if (text === undefined) return;
    lines++;
    if (skip?.(text)) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      problems.push({ file: file.display, field: '', ...jsonLineProblem(error, text, number) });
      return;
    }
    each({ value, number, text });
  };

  const decoder = new StringDecoder('utf8');
  /** The current line's text so far, in pieces: one long line is joined once, not per chunk. */
  let pieces: string[] = [];
  let bytes = 0;
  /** Takes in the next bytes of the file; false when the file is binary. */
  const consume = (data: Buffer): boolean => {
    let text = decoder.write(data);
    if (bytes === 0) {
      if (looksBinary(data)) return false;
      text = stripBom(text);
    }
    bytes += data.length;
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      const piece = text.slice(start, end);
      readLine(pieces.length === 0 ? piece : pieces.join('') + piece);
      pieces = [];
      start = end + 1;
    }
    if (start < text.length) pieces.push(text.slice(start));
    progress?.(bytes, Math.max(size, bytes));
    return true;
  };
  try {
    // Most logs are small: read whole, at the cost of one buffer of their size.
    const chunks =
      size <= CHUNK_BYTES
        ? [await handle.readFile()]
        : handle.createReadStream({ highWaterMark: CHUNK_BYTES, autoClose: false });
    for await (const chunk of chunks) {
      if (!consume(chunk as Buffer)) {
        fileProblem(BINARY_FILE);
        return;
      }
    }
    pieces.push(decoder.end());
    const last = pieces.join('');
    if (last !== '') readLine(last);
  } catch (error) {
    fileProblem(describeReadError(error));
    return;
  } finally {
    await handle.close();
  }
  if (lines === 0) fileProblem(EMPTY_FILE);
}
