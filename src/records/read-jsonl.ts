import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { BINARY_FILE, EMPTY_FILE, describeReadError, looksBinary, stripBom } from './file-text.js';
import type { InputFile } from './find-input-files.js';
import { explainJsonError } from './json-error.js';
import type { RecordSink } from './record-collector.js';

/** Big chunks: per-chunk overhead dominates with the default 64 KiB. */
const CHUNK_BYTES = 1 << 20;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;

/**
 * Streams a JSON Lines file, one record per line (CRLF, a leading BOM and blank lines accepted).
 * Only one chunk and one partial line are held at a time. Lines are split by hand: `readline`
 * is several times slower.
 */
export async function readJsonLines(file: InputFile, sink: RecordSink): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let lineNumber = 0;
  let contentLines = 0;

  const readLine = (raw: string): void => {
    lineNumber++;
    const line = raw.charCodeAt(raw.length - 1) === CARRIAGE_RETURN ? raw.slice(0, -1) : raw;
    if (line.length === 0 || (line.charCodeAt(0) <= SPACE && line.trim() === '')) return;
    contentLines++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      const { reason, offset } = explainJsonError(error, line);
      const where = offset === undefined ? `${lineNumber}` : `${lineNumber}:${offset + 1}`;
      sink.problem(file.display, where, `not valid JSON (${reason})`);
      return;
    }
    sink.record(file.display, lineNumber, value);
  };

  try {
    let first = true;
    for await (const chunk of createReadStream(file.absolute, { highWaterMark: CHUNK_BYTES })) {
      const bytes = chunk as Buffer;
      let text = pending + decoder.write(bytes);
      if (first) {
        first = false;
        if (looksBinary(bytes)) {
          sink.problem(file.display, '', BINARY_FILE);
          return;
        }
        text = stripBom(text);
      }
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        readLine(text.slice(start, end));
        start = end + 1;
      }
      pending = text.slice(start);
    }
  } catch (error) {
    sink.problem(file.display, '', describeReadError(error));
    return;
  }
  const last = pending + decoder.end();
  if (last !== '') readLine(last);
  if (contentLines === 0) sink.problem(file.display, '', EMPTY_FILE);
}
