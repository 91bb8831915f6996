import { open, stat } from 'node:fs/promises';
import { explainJsonError, lineAndColumn } from '../../records/json-error.js';
import { MAX_JSON_FILE_BYTES, readJsonDocument } from '../../records/read-json.js';
import type { SourceFile, SourceOptions, SourceRead } from '../types.js';
import { isObject, text } from '../values.js';
import { EntryError, openEvalZip, type EvalZip } from './eval-zip.js';
import { evalSpecOf, sampleSession, type EvalSpec } from './sample.js';

/** What reading one log file reports, as it goes. */
interface LogSink {
  spec(spec: EvalSpec): void;
  sample(value: unknown, location: string): void;
  problem(location: string, message: string): void;
  warning(message: string): void;
}

/**
 * Reads inspect_ai eval logs, `.eval` (a zip, its entries zstd-compressed) and `.json`, into
 * one session per sample and epoch. A `.eval` is read one sample entry at a time.
 */
export async function readInspect(
  files: readonly SourceFile[],
  options: SourceOptions,
): Promise<SourceRead> {
  const read: SourceRead = { sessions: [], problems: [], warnings: [] };
  const sizes = await Promise.all(files.map((file) => sizeOf(file.absolute)));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  let done = 0;
  for (const [index, file] of files.entries()) {
    let spec: EvalSpec | undefined;
    /** Why samples have no success, and how many: one warning per reason and file. */
    const noSuccess = new Map<string, number>();
    let scorerMissing = false;
    const sink: LogSink = {
      spec: (found) => {
        spec = found;
        const { scorer } = options;
        scorerMissing =
          scorer !== undefined && spec.scorers.length > 0 && !spec.scorers.includes(scorer);
        if (scorerMissing) {
          sink.problem(
            '',
            `the scorer ${scorer} chosen is not in this log (it has: ${spec.scorers.join(', ')})`,
          );
        }
      },
      sample: (value, location) => {
        if (!isObject(value) || spec === undefined) {
          sink.problem(location, 'expected a sample (a JSON object)');
          return;
        }
        const context = { file: file.display, location, spec, scorer: options.scorer };
        const { session, noSuccess: why } = sampleSession(value, context);
        read.sessions.push(session);
        if (why !== undefined && !scorerMissing) noSuccess.set(why, (noSuccess.get(why) ?? 0) + 1);
      },
      problem: (location, message) =>
        read.problems.push({ file: file.display, location, field: '', message }),
      warning: (message) =>
        read.warnings.push({ file: file.display, location: '', field: '', message }),
    };
    if (await isZip(file.absolute)) await readEvalLog(file, sink);
    else await readJsonLog(file, sink);
    for (const [why, count] of noSuccess) {
      sink.warning(`success unknown for ${count} sample${count === 1 ? '' : 's'}: ${why}`);
    }
    done += sizes[index]!;
    options.onProgress?.({ sessions: read.sessions.length, done, total });
  }
  return read;
}

/** A `.eval` log: the eval from `header.json` (or the journal's start), then each sample. */
async function readEvalLog(file: SourceFile, sink: LogSink): Promise<void> {
  let zip: EvalZip;
  try {
    zip = await openEvalZip(file.absolute);
  } catch (error) {
    sink.problem('', `not a readable .eval log (a zip): ${(error as Error).message}`);
    return;
  }
  try {
    const headerName = ['header.json', '_journal/start.json'].find((name) =>
      zip.names.includes(name),
    );
    if (headerName === undefined) {
      sink.problem('', 'not an inspect_ai .eval log: no header.json or _journal/start.json in it');
      return;
    }
    const header = await entryValue(zip, headerName, sink);
    if (!isObject(header)) return;
    sink.spec(evalSpecOf(header));
    const samples = zip.names.filter((name) => /^samples\/[^/]+\.json$/.test(name));
    for (const name of samples) {
      const sample = await entryValue(zip, name, sink);
      if (sample !== undefined) sink.sample(sample, entryLocation(name));
    }
    if (samples.length === 0) await readSummaries(zip, header, sink);
  } finally {
    zip.close();
  }
}

/**
 * A log written without samples (`log_samples=False`) still has their summaries: sessions with
 * score, time and tokens, but no tool calls.
 */
async function readSummaries(
  zip: EvalZip,
  header: Record<string, unknown>,
  sink: LogSink,
): Promise<void> {
  const journal = zip.names
    .filter((name) => /^_journal\/summaries\/\d+\.json$/.test(name))
    .sort((a, b) => journalNumber(a) - journalNumber(b));
  const names = zip.names.includes('summaries.json') ? ['summaries.json'] : journal;
  let count = 0;
  for (const name of names) {
    const summaries = await entryValue(zip, name, sink);
    if (!Array.isArray(summaries)) continue;
    summaries.forEach((summary, index) => sink.sample(summary, `${entryLocation(name)}[${index}]`));
    count += summaries.length;
  }
  if (count > 0) {
    sink.warning(
      'no samples logged (log_samples=False): sessions from their summaries, without tool calls',
    );
  } else {
    sink.problem('', noSamples(header));
  }
}

function journalNumber(name: string): number {
  return Number(/(\d+)\.json$/.exec(name)?.[1]);
}

/** Where an entry is, as problems name it: `log.eval["samples/t1_epoch_1.json"]`. */
function entryLocation(name: string): string {
  return `[${JSON.stringify(name)}]`;
}

/** An entry's JSON value, or undefined after reporting why there is none. */
async function entryValue(zip: EvalZip, name: string, sink: LogSink): Promise<unknown> {
  let text: string;
  try {
    text = await zip.text(name);
  } catch (error) {
    if (!(error instanceof EntryError)) throw error;
    sink.problem(entryLocation(name), `cannot read this entry: ${error.message}`);
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const { reason, offset } = explainJsonError(error, text);
    const where = offset === undefined ? undefined : lineAndColumn(text, offset);
    const at = where === undefined ? '' : ` at ${where.line}:${where.column}`;
    sink.problem(entryLocation(name), `not valid JSON${at} (${reason})`);
    return undefined;
  }
}

/** A `.json` log: one object holding the eval and its samples, parsed whole. */
async function readJsonLog(file: SourceFile, sink: LogSink): Promise<void> {
  const size = await sizeOf(file.absolute);
  if (size > MAX_JSON_FILE_BYTES) {
    sink.problem(
      '',
      `a .json log of ${(size / 1024 / 1024).toFixed(0)} MiB, more than the ${MAX_JSON_FILE_BYTES / 1024 / 1024} MiB one JSON document may be: write large logs as .eval (inspect's default), which is read one sample at a time`,
    );
    return;
  }
  const document = await readJsonDocument(file);
  if (!('value' in document)) {
    sink.problem(document.location, document.message);
    return;
  }
  const log = document.value;
  if (!isObject(log) || !isObject(log.eval)) {
    sink.problem('', 'not an inspect_ai eval log: expected an object with "eval" and "samples"');
    return;
  }
  sink.spec(evalSpecOf(log));
  if (!Array.isArray(log.samples) || log.samples.length === 0) {
    sink.problem('', noSamples(log));
    return;
  }
  log.samples.forEach((sample, index) => sink.sample(sample, `samples[${index}]`));
}

/** Why a log has no sessions: its status and error, as inspect wrote them. */
function noSamples(log: Record<string, unknown>): string {
  const status = text(log.status);
  const error = isObject(log.error) ? text(log.error.message)?.split('\n')[0] : undefined;
  const why = [status && `status ${status}`, error].filter(Boolean).join(': ');
  return `no samples in this log${why === '' ? '' : ` (${why})`}: written with log_samples=False, or stopped before any sample ended`;
}

const ZIP_MAGIC = 0x04034b50;

async function isZip(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    try {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(4), 0, 4, 0);
      return bytesRead === 4 && buffer.readUInt32LE(0) === ZIP_MAGIC;
    } finally {
      await handle.close();
    }
  } catch {
    return false; // the JSON reader says why the file cannot be read
  }
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0; // the reader says why the file cannot be read
  }
}
