import { open, type FileHandle } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse, type CsvError } from 'csv-parse';
import type { FieldMap } from '../../config/field-map.js';
import { kindOf } from '../../records/describe-value.js';
import { BINARY_FILE, describeReadError, looksBinary } from '../../records/file-text.js';
import { readJsonDocument } from '../../records/read-json.js';
import { forEachJsonLine } from '../json-lines.js';
import type { SourceFile, SourceOptions, SourceRead } from '../types.js';
import { isObject } from '../values.js';
import { rowMapper, type RowValue } from './convert.js';

/** Takes one row: its values by column or path, and where it is. */
type RowSink = (value: RowValue, location: string) => void;
/** Reports a problem of the file being read, at a place in it. */
type FileProblem = (location: string, message: string) => void;

/** Names a CSV column in problems. */
const column = (source: string) => `column ${JSON.stringify(source)}`;
/** Names a JSON path in problems. */
const path = (source: string) => JSON.stringify(source);

/**
 * Reads a team's own files through a field mapping: CSV and TSV (by column), JSON Lines and JSON
 * (by path), one session per row. CSV and JSON Lines are streamed, so memory holds one row.
 */
export async function readMapped(
  files: readonly SourceFile[],
  options: SourceOptions,
): Promise<SourceRead> {
  const read: SourceRead = { sessions: [], problems: [], warnings: [] };
  const map = options.map!; // the settings require a mapping for --from map
  for (const file of files) {
    const extension = extname(file.absolute).toLowerCase();
    const csv = extension === '.csv' || extension === '.tsv';
    const mapper = rowMapper(map, file.display, csv ? column : path);
    const each: RowSink = (value, location) => {
      const mapped = mapper(value, location);
      if ('problems' in mapped) read.problems.push(...mapped.problems);
      else read.sessions.push(mapped.session);
    };
    const problem: FileProblem = (location, message) =>
      read.problems.push({ file: file.display, location, field: '', message });
    const progress = (done: number, total: number) =>
      options.onProgress?.({ sessions: read.sessions.length, done, total });
    if (csv) {
      await readCsv(file, map, extension === '.tsv' ? '\t' : ',', each, problem);
    } else if (extension === '.jsonl' || extension === '.ndjson') {
      await forEachJsonLine(
        file,
        read.problems,
        ({ value, number }) => jsonRow(value, String(number), each, problem),
        progress,
      );
    } else if (extension === '.json') {
      await readJson(file, map, each, problem);
    } else {
      problem('', 'expected a .csv, .tsv, .json, .jsonl or .ndjson file for the field mapping');
    }
  }
  return read;
}

function jsonRow(value: unknown, location: string, each: RowSink, problem: FileProblem): void {
  if (isObject(value)) each((source) => pathValue(value, source), location);
  else problem(location, `expected a JSON object, got ${kindOf(value)}`);
}

/**
 * A value by a JSON path: `a.b[0].c`, or a key that is the whole path (`"duration.ms"`).
 */
export function pathValue(value: unknown, source: string): unknown {
  if (isObject(value) && Object.hasOwn(value, source)) return value[source];
  let current = value;
  for (const part of source.split(/\.|\[(\d+)\]/)) {
    if (part === undefined || part === '') continue;
    if (Array.isArray(current) && /^\d+$/.test(part)) current = current[Number(part)];
    else if (isObject(current) && Object.hasOwn(current, part)) current = current[part];
    else return undefined;
  }
  return current;
}

/** A JSON file: its array of sessions (at `map.records`, else the file's), or its one object. */
async function readJson(
  file: SourceFile,
  map: FieldMap,
  each: RowSink,
  problem: FileProblem,
): Promise<void> {
  const document = await readJsonDocument(file);
  if (!('value' in document)) {
    problem(document.location, document.message);
    return;
  }
  const rows = map.records === undefined ? document.value : pathValue(document.value, map.records);
  if (map.records !== undefined && !Array.isArray(rows)) {
    problem('', `records: expected an array at ${path(map.records)}, got ${kindOf(rows)}`);
    return;
  }
  if (!Array.isArray(rows)) {
    jsonRow(rows, '', each, problem);
    return;
  }
  const prefix = map.records ?? '';
  rows.forEach((row, index) => jsonRow(row, `${prefix}[${index}]`, each, problem));
}

/** A CSV or TSV file, streamed: a header line naming the columns, then one session a row. */
async function readCsv(
  file: SourceFile,
  map: FieldMap,
  delimiter: string,
  each: RowSink,
  problem: FileProblem,
): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(file.absolute, 'r');
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(1024), 0, 1024, 0);
    if (looksBinary(buffer.subarray(0, bytesRead))) {
      await handle.close();
      problem('', BINARY_FILE.replace('JSON records', 'CSV rows'));
      return;
    }
  } catch (error) {
    problem('', describeReadError(error));
    return;
  }
  let header: string[] | undefined;
  let missing: string[] = [];
  const parser = handle.createReadStream({ start: 0 }).pipe(
    parse({
      delimiter,
      bom: true,
      info: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      columns: (names: string[]) => {
        header = names;
        missing = map.fields.map((field) => field.source).filter((name) => !names.includes(name));
        return names;
      },
      on_skip: (error: CsvError | undefined) => {
        if (error) problem(String(error.lines), `not valid CSV (${csvReason(error)})`);
        return undefined;
      },
    }),
  );
  try {
    for await (const { info, record } of parser as AsyncIterable<{
      info: { lines: number };
      record: Record<string, string>;
    }>) {
      if (missing.length > 0) break;
      each((source) => record[source], String(info.lines));
    }
  } catch (error) {
    const lines = (error as CsvError).lines;
    problem(lines === undefined ? '' : String(lines), `cannot read: ${csvReason(error as Error)}`);
  } finally {
    parser.destroy();
    await handle.close();
  }
  if (header === undefined) {
    problem('', 'empty file, expected a header line naming the columns, then rows');
  } else if (missing.length > 0) {
    problem(
      '1',
      `no column ${missing.map((name) => JSON.stringify(name)).join(', ')} for the field mapping (the header has: ${header.join(', ')})`,
    );
  }
}

/** csv-parse's message without the line it names (the location says it). */
function csvReason(error: Error): string {
  return error.message.replace(/\s+(?:on|at) line \d+/, '').trim();
}
