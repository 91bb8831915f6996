import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  SOURCE_FLAG_NAMES,
  SUBAGENT_MODES,
  type SourceSettingNames,
  type SourceSettings,
} from '../config/source-settings.js';
import { findInputFiles, inputProblem } from '../records/find-input-files.js';
import type { LocatedRecord, RecordProblem } from '../records/types.js';
import { SOURCES } from './formats.js';
import { completeSession, type MappingRules } from './mapping.js';
import type { FileHead, FormatName, SourceFile, SourceOptions } from './types.js';

export interface InputOptions extends SourceOptions {
  /** The format of every file, or `auto`: each file's own, else a file of session records. */
  from: FormatName | 'auto';
  cwd: string;
  /** How variants and tasks are taken: needed for agent logs only. */
  rules: MappingRules;
  /** How the user names the variant settings, for messages. */
  names?: Pick<SourceSettingNames, 'variant' | 'variantFrom'>;
}

export interface InputsRead {
  /** The sessions of the agent logs, checked by the schema, each with its file and place. */
  sessions: LocatedRecord[];
  /** Files of session records (JSON, JSON Lines, seed test files): the records readers' part. */
  recordFiles: string[];
  /** Agent log files read, as shown. */
  logFiles: string[];
  problems: RecordProblem[];
  warnings: RecordProblem[];
}

/** What a folder is expanded to: record files and agent logs (`state.db`, `.eval` among them). */
export const ALL_FILES = '**/*.{json,jsonl,ndjson,db,eval}';
/** What a folder is expanded to for a field mapping: the files it reads. */
const MAPPED_FILES = '**/*.{csv,tsv,json,jsonl,ndjson}';
/** How much of a file's start tells its format. */
const HEAD_BYTES = 1 << 16;

/**
 * The files, folders and globs given, read as agent logs (of the `from` format, or of the format
 * each file shows under `auto`) or left to the records readers. All files of one format are read
 * together, so the files of one run make one session; every session then gets its variant and
 * task by the rules. Problems never stop the read.
 */
export async function readInputs(
  patterns: readonly string[],
  options: InputOptions,
): Promise<InputsRead> {
  const read: InputsRead = {
    sessions: [],
    recordFiles: [],
    logFiles: [],
    problems: [],
    warnings: [],
  };
  const files = await findInputFiles(
    patterns,
    options.cwd,
    (pattern, message) => read.problems.push(inputProblem(pattern, message)),
    options.from === 'map' ? MAPPED_FILES : ALL_FILES,
  );
  const { rules, names = SOURCE_FLAG_NAMES } = options;
  const byFormat = new Map<FormatName, SourceFile[]>();
  for (const file of files) {
    const format = options.from === 'auto' ? await detectFormat(file) : options.from;
    if (format === undefined) {
      read.recordFiles.push(file.display);
      continue;
    }
    const group = byFormat.get(format);
    if (group) group.push(file);
    else byFormat.set(format, [file]);
    read.logFiles.push(file.display);
  }
  for (const [format, group] of byFormat) {
    if (rules.variant === undefined) {
      read.problems.push({
        file: group[0]!.display,
        location: '',
        field: '',
        message: `${format} logs (${group.length === 1 ? 'this file' : `this and ${group.length - 1} more`}): the variant of their sessions is not known: give ${names.variant} <name>, or ${names.variantFrom} model, path or field:<name>`,
      });
      continue;
    }
    const subagents = SUBAGENT_MODES[format].includes(options.subagents!)
      ? options.subagents
      : undefined;
    const found = await SOURCES[format].read(group, { ...options, subagents });
    read.problems.push(...found.problems);
    read.warnings.push(...found.warnings);
    for (const session of found.sessions) {
      const done = completeSession(session, rules);
      if ('problems' in done) read.problems.push(...done.problems);
      else
        read.sessions.push({ record: done.record, file: session.file, location: session.location });
    }
  }
  return read;
}

/** The options of `readInputs` for these settings (the variant and task rules among them). */
export function sourceOptions(
  settings: SourceSettings,
  experiment?: string,
): Pick<InputOptions, 'from' | 'rules' | 'subagents' | 'scorer' | 'map'> {
  return {
    from: settings.from,
    rules: {
      task: settings.task,
      ...(settings.variant && { variant: settings.variant }),
      ...(experiment !== undefined && { experiment }),
    },
    ...(settings.subagents && { subagents: settings.subagents }),
    ...(settings.scorer !== undefined && { scorer: settings.scorer }),
    ...(settings.map && { map: settings.map }),
  };
}

/** The agent format a file shows at its start, or undefined (session records, or unreadable). */
export async function detectFormat(file: SourceFile): Promise<FormatName | undefined> {
  const head = await readHead(file);
  if (head === undefined) return undefined;
  for (const source of Object.values(SOURCES)) if (source.detect(head)) return source.name;
  return undefined;
}

async function readHead(file: SourceFile): Promise<FileHead | undefined> {
  let bytes: Uint8Array;
  try {
    const handle = await open(file.absolute, 'r');
    try {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
      bytes = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return undefined; // the records reader says why it cannot be read
  }
  return {
    bytes,
    firstLine: firstLineOf(bytes),
    text: Buffer.from(bytes).toString('utf8'),
    name: basename(file.absolute),
  };
}

function firstLineOf(bytes: Uint8Array): unknown {
  const end = bytes.indexOf(0x0a);
  if (end === -1 && bytes.length === HEAD_BYTES) return undefined; // cut short: not whole
  const text = Buffer.from(bytes.subarray(0, end === -1 ? bytes.length : end))
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
