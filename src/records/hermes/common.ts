import { createHash } from 'node:crypto';
import { validateRecord, type FieldProblem } from '../schema.js';
import type { RecordProblem, SessionRecord } from '../types.js';

/** What a Hermes reader found: the valid records, in file order, and every problem. */
export interface HermesReadResult {
  records: SessionRecord[];
  problems: RecordProblem[];
}

/** How far a read has come, for a progress bar. */
export interface ReadProgress {
  /** Sessions read so far, valid or not. */
  sessions: number;
  /** Work done, of `total`: bytes for a JSON Lines file, sessions for a database. */
  done: number;
  total: number;
}

export interface HermesReadOptions {
  /** The variant of every session read, e.g. `warm` or `cold`. */
  variant: string;
  /** Set on every record; absent, the configured experiment applies later. */
  experiment?: string;
  /** Called as the read goes on (several times a second at most for big inputs). */
  onProgress?: (progress: ReadProgress) => void;
}

/** The first 12 hex digits (48 bits) of the SHA-256 of a text. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
}

/**
 * The task id of a prompt: `prompt-` and a short hash of its text, with Unicode in NFC and each
 * run of whitespace as one space, trimmed, so that re-wrapped or re-indented copies still pair.
 */
export function promptTaskId(text: string): string {
  return `prompt-${shortHash(text.normalize('NFC').replace(/\s+/g, ' ').trim())}`;
}

export function checkVariant(options: HermesReadOptions): void {
  if (typeof options.variant !== 'string' || options.variant === '') {
    throw new TypeError('a Hermes reader needs a non-empty variant');
  }
}

/**
 * Validates a mapped record with the schema of every other reader and keeps it, or reports its
 * problems at `location`, naming each field by where it came from (`sources`: record field to
 * Hermes field).
 */
export function acceptRecord(
  value: Record<string, unknown>,
  file: string,
  location: string,
  sources: Readonly<Record<string, string>>,
  result: HermesReadResult,
): void {
  const validation = validateRecord(value, {}, { reuseValue: true });
  if ('record' in validation) {
    result.records.push(validation.record);
    return;
  }
  for (const { field, message } of validation.problems) {
    const top = field.split(/[.[]/, 1)[0] ?? '';
    const source = sources[top];
    const renamed = source === undefined ? field : source + field.slice(top.length);
    result.problems.push({ file, location, field: renamed, message });
  }
}

/** Adds problems found before mapping. */
export function reportProblems(
  problems: readonly FieldProblem[],
  file: string,
  location: string,
  result: HermesReadResult,
): void {
  for (const { field, message } of problems) {
    result.problems.push({ file, location, field, message });
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
