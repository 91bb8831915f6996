import { open } from 'node:fs/promises';
import { kindOf } from './describe-value.js';
import { BINARY_FILE, EMPTY_FILE, describeReadError, looksBinary, stripBom } from './file-text.js';
import type { InputFile } from './find-input-files.js';
import { explainJsonError, lineAndColumn } from './json-error.js';
import type { RecordSink } from './record-collector.js';
import { isSeedTestFile, readSeedTestFile } from './read-seed.js';

/**
 * The largest `.json` file read: it is parsed whole, so its size bounds the memory it takes.
 * JSON Lines files have no such limit: they are read a line at a time.
 */
export const MAX_JSON_FILE_BYTES = 64 << 20;

/**
 * Reads a `.json` file (or any file not named as JSON Lines): one record, an array of records
 * (location `[i]`), or the seed framework's test file.
 */
export async function readJsonFile(file: InputFile, sink: RecordSink): Promise<void> {
  const document = await parseDocument(file, sink);
  if (document === undefined) return;
  if (Array.isArray(document)) {
    document.forEach((item, index) => sink.record(file.display, `[${index}]`, item));
  } else if (isSeedTestFile(document)) {
    readSeedTestFile(document, file, sink);
  } else if (typeof document === 'object' && document !== null) {
    sink.record(file.display, '', document);
  } else {
    const found = kindOf(document);
    sink.problem(file.display, '', `expected a JSON object or an array of objects, got ${found}`);
  }
}

/** The file's JSON value, or undefined after reporting why there is none. */
async function parseDocument(file: InputFile, sink: RecordSink): Promise<unknown> {
  const document = await readJsonDocument(file);
  if ('value' in document) return document.value;
  sink.problem(file.display, document.location, document.message);
  return undefined;
}

/**
 * A JSON file's value, read whole; or why there is none, located (`3:14` for a syntax error,
 * '' for the whole file): unreadable, binary, too large, empty or not valid JSON.
 */
export async function readJsonDocument(
  file: InputFile,
): Promise<{ value: unknown } | { location: string; message: string }> {
  let text: string;
  try {
    const bytes = await readBounded(file.absolute);
    if (typeof bytes === 'string') return { location: '', message: bytes };
    text = stripBom(bytes.toString('utf8'));
  } catch (error) {
    return { location: '', message: describeReadError(error) };
  }
  if (!/\S/.test(text)) return { location: '', message: EMPTY_FILE };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const { reason, offset } = explainJsonError(error, text);
    const where = offset === undefined ? undefined : lineAndColumn(text, offset);
    const location = where === undefined ? '' : `${where.line}:${where.column}`;
    return { location, message: `not valid JSON (${reason})` };
  }
}

/**
 * The file's bytes, or why they are not read: binary data at its start, or more than
 * `MAX_JSON_FILE_BYTES`. Both are checked before the file is read whole.
 */
async function readBounded(path: string): Promise<Buffer | string> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, 1024));
    await handle.read(head, 0, head.length, 0);
    if (looksBinary(head)) return BINARY_FILE;
    if (size > MAX_JSON_FILE_BYTES) {
      return `${Math.round(size / (1 << 20))} MiB, more than the ${MAX_JSON_FILE_BYTES >> 20} MiB one JSON document may be; write large result sets as .jsonl, one record per line`;
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
