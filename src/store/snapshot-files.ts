import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import { MANIFEST_FILE, SESSIONS_FILE, type Snapshot, type StoredSession } from './format.js';
import { LineError, readLines } from './line-reader.js';
import {
  manifestText,
  parseManifest,
  parseSessionLine,
  ProblemList,
  sessionLine,
  SnapshotError,
} from './snapshot-codec.js';
import { checkManifestSize, checkSessionLine, SNAPSHOT_LIMITS } from './snapshot-limits.js';

function isBlank(line: string): boolean {
  return line.length === 0 || (line.charCodeAt(0) <= 0x20 && line.trim() === '');
}

/** ab-verdict writes none; a few are tolerated (a hand-edited folder), a flood is refused. */
const MAX_BLANK_LINES = 10_000;

/** Where a snapshot's two files come from: a folder, or the entries of an artifact's zip. */
export interface SnapshotSource {
  /** manifest.json's text, at most `SNAPSHOT_LIMITS.manifestBytes`; undefined when absent. */
  manifest(): Promise<string | undefined>;
  /** sessions.jsonl's bytes as a stream; undefined when absent. */
  sessions(): Promise<AsyncIterable<Uint8Array> | undefined>;
}

export interface ReadSnapshot {
  snapshot: Snapshot;
  /** Lines and history entries left out, each naming the file and line: the rest is usable. */
  problems: string[];
  /**
   * Every line the manifest counts was read and none was left out: only then does the snapshot
   * hold all it claims, and its `covers` can be believed.
   */
  complete: boolean;
  /** Why it is not complete, in plain words. */
  incompleteBecause: string | null;
  /** Bytes of sessions.jsonl read (the vouched ones, when the manifest says how many). */
  sessionsBytes: number;
  /** Lines read that are not blank. */
  lines: number;
}

export interface ReadOptions {
  signal?: AbortSignal;
  /**
   * Takes each session as it is read, in file order, instead of collecting them: the snapshot
   * comes back without sessions, and repeats of a session_id are the taker's to resolve (the
   * later line wins).
   */
  onSession?: (session: StoredSession) => void;
}

/**
 * Reads a snapshot, streaming sessions.jsonl a line at a time: no file is ever one string. A
 * missing file or a manifest that cannot be used makes the whole snapshot unusable
 * (SnapshotError), as does a line too long or not UTF-8 (no writer of ab-verdict wrote it); a
 * bad line is left out and reported. A session_id on two lines is one session, the later line
 * winning.
 */
export async function readSnapshot(
  source: SnapshotSource,
  experiment: string,
  { signal, onSession }: ReadOptions = {},
): Promise<ReadSnapshot> {
  const text = await source.manifest();
  if (text === undefined) throw new SnapshotError(`no ${MANIFEST_FILE} in it`);
  const problems = new ProblemList();
  const manifest = parseManifest(text, experiment, problems);
  const stream = await source.sessions();
  if (stream === undefined) throw new SnapshotError(`no ${SESSIONS_FILE} in it`);
  const sessions: StoredSession[] = [];
  const rowOf = new Map<string, number>();
  let lines = 0;
  let read;
  try {
    read = await readLines(
      stream,
      {
        maxLineBytes: SNAPSHOT_LIMITS.lineBytes,
        maxBytes: manifest.sessionsBytes ?? SNAPSHOT_LIMITS.sessionsBytes,
        ...(signal && { signal }),
      },
      (line, number) => {
        if (!isBlank(line)) lines++;
        else if (number - lines > MAX_BLANK_LINES) {
          throw new SnapshotError(
            `${SESSIONS_FILE}: more than ${MAX_BLANK_LINES} blank lines; not a file ab-verdict wrote`,
          );
        }
        const session = parseSessionLine(line, number, experiment, problems);
        if (!session) return;
        if (onSession) return onSession(session);
        const row = rowOf.get(session.record.session_id);
        if (row === undefined) rowOf.set(session.record.session_id, sessions.push(session) - 1);
        else sessions[row] = session;
      },
    );
  } catch (error) {
    if (error instanceof LineError) {
      throw new SnapshotError(
        `${SESSIONS_FILE}:${error.line}: ${error.reason}; not a file ab-verdict wrote`,
      );
    }
    throw error;
  }
  const incompleteBecause =
    lines !== manifest.sessions
      ? `its ${SESSIONS_FILE} has ${lines} lines, its manifest counts ${manifest.sessions}`
      : manifest.sessionsBytes !== undefined && read.bytes !== manifest.sessionsBytes
        ? `its ${SESSIONS_FILE} has ${read.bytes} bytes, its manifest counts ${manifest.sessionsBytes}`
        : problems.size > 0
          ? `${problems.size === 1 ? 'a line was' : 'lines were'} left out`
          : null;
  return {
    snapshot: { manifest, sessions },
    problems: problems.lines(),
    complete: incompleteBecause === null,
    incompleteBecause,
    sessionsBytes: read.bytes,
    lines,
  };
}

/**
 * Writes a snapshot's two files into `dir`, sessions.jsonl a line at a time, the manifest last
 * with the count and bytes of the lines. Refuses (SnapshotTooLarge) anything `readSnapshot`
 * would refuse, before the manifest exists.
 */
export async function writeSnapshot(dir: string, snapshot: Snapshot): Promise<void> {
  const { lines, bytes } = await writeSessionLines(
    join(dir, SESSIONS_FILE),
    snapshot.sessions,
    'w',
  );
  await writeManifest(join(dir, MANIFEST_FILE), {
    ...snapshot.manifest,
    sessions: lines,
    sessionsBytes: bytes,
  });
}

/**
 * Writes (flag `w`) or appends (`a`, after `bytesBefore` bytes) sessions as lines; the count
 * and bytes of the lines written. Throws SnapshotTooLarge for a line, or a file, too long.
 */
export async function writeSessionLines(
  path: string,
  sessions: Iterable<StoredSession>,
  flags: 'w' | 'a',
  bytesBefore = 0,
): Promise<{ lines: number; bytes: number }> {
  const out = createWriteStream(path, { flags });
  let lines = 0;
  let bytes = 0;
  let batch = '';
  try {
    for (const session of sessions) {
      const line = `${sessionLine(session)}\n`;
      const size = Buffer.byteLength(line);
      bytes += size;
      checkSessionLine(size - 1, bytesBefore + bytes, session.record.session_id);
      lines++;
      batch += line;
      if (batch.length >= BATCH_CHARACTERS) {
        if (!out.write(batch)) await once(out, 'drain');
        batch = '';
      }
    }
    out.end(batch);
    await finished(out);
  } catch (error) {
    out.destroy();
    throw error;
  }
  return { lines, bytes };
}

const BATCH_CHARACTERS = 1 << 20;

export async function writeManifest(path: string, manifest: Snapshot['manifest']): Promise<void> {
  const text = manifestText(manifest);
  checkManifestSize(Buffer.byteLength(text));
  const out = createWriteStream(path);
  out.end(text);
  await finished(out);
}
