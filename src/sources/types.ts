import type { RecordProblem } from '../records/types.js';

import type { FieldMap } from '../config/field-map.js';
import type { FormatName, SubagentMode } from '../config/source-settings.js';

export type { FormatName, SubagentMode };

/** A file to read: its path as shown in messages, and on disk. */
export interface SourceFile {
  display: string;
  absolute: string;
}

/** The start of a file, for telling formats apart without reading it whole. */
export interface FileHead {
  /** The first bytes: 64 KiB, or the whole file when it is smaller. */
  bytes: Uint8Array;
  /** The first line parsed as JSON, when it is whole within `bytes` and parses; else undefined. */
  firstLine: unknown;
  /** `bytes` as text, for a first line too long to be whole in them. */
  text: string;
  /** The file's base name. */
  name: string;
}

/**
 * One session as a format found it: the record without `variant` and `task_id`, which the
 * variant and task rules (`mapping.ts`) fill in from `keys` the same way for every format.
 */
export interface FoundSession {
  /** Where it was found, as problems name it: the file (as shown) and the place in it. */
  file: string;
  location: string;
  /** Every file the session was read from (a transcript and its result): path rules read these. */
  files: readonly string[];
  /** The session record's other fields; `session_id` is always set. */
  record: Record<string, unknown> & { session_id: string };
  keys: SessionKeys;
  /** Record fields named by the field of the log they come from, in problems. */
  origins?: Readonly<Record<string, string>>;
}

/** What the variant and task rules can read of a session. */
export interface SessionKeys {
  /** The task's prompt: the first message the person (or the harness) gave the agent. */
  prompt?: string;
  /** The model the agent ran on. */
  model?: string;
  /** More named values (`cwd`, `title`, `prompt_index`, …) for `field:<name>` rules. */
  fields: Readonly<Record<string, string | undefined>>;
}

/** How far a read has come, for a progress bar. */
export interface ReadProgress {
  /** Sessions (or lines) read so far. */
  sessions: number;
  /** Work done, of `total`: bytes, or sessions for a database. */
  done: number;
  total: number;
}

export interface SourceOptions {
  /**
   * Subagents: `fold` their work into the session that started them, `omit` them, or `keep`
   * them as sessions of their own; each format takes the ones `SUBAGENT_MODES` lists for it.
   */
  subagents?: SubagentMode;
  /** inspect: the scorer whose value gives `success` when a log has several. */
  scorer?: string;
  /** map: how a team's own rows become session records. */
  map?: FieldMap;
  /** Only sessions started at or after this time (formats that know the start). */
  since?: Date;
  onProgress?: (progress: ReadProgress) => void;
}

/** What a read found: sessions, problems (errors) and warnings, each located. */
export interface SourceRead {
  sessions: FoundSession[];
  problems: RecordProblem[];
  warnings: RecordProblem[];
}

/**
 * One agent log format: a folder of `src/sources/`, registered in `formats.ts`. `detect` tells
 * its files from the start; `read` gets every file of the format given at once, so that the
 * files of one run (a transcript and its result) make one session.
 */
export interface Source {
  readonly name: FormatName;
  /** Whether the file is of this format, judged from its start alone. */
  detect(head: FileHead): boolean;
  read(files: readonly SourceFile[], options: SourceOptions): Promise<SourceRead>;
}
