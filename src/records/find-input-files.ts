import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { describeReadError } from './file-text.js';
import type { RecordProblem } from './types.js';

/** A file to read: its path as shown in messages (relative to cwd, as typed) and on disk. */
export interface InputFile {
  display: string;
  absolute: string;
}

const RECORD_FILES = '**/*.{json,jsonl,ndjson}';

/**
 * Expands what the user gave into files, in order, each file once: a file path as it is, a
 * directory into every file below it that `folderFiles` matches (record files by default), a glob into its matches (both sorted). A pattern
 * that yields nothing is reported with `report`.
 */
export async function findInputFiles(
  patterns: readonly string[],
  cwd: string,
  report: (pattern: string, message: string) => void,
  folderFiles = RECORD_FILES,
): Promise<InputFile[]> {
  const files: InputFile[] = [];
  const seen = new Set<string>();
  const add = (display: string, absolute: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push({ display, absolute });
  };

  for (const pattern of patterns) {
    const absolute = path.resolve(cwd, pattern);
    const { stats, error } = await statOf(absolute);
    if (stats?.isFile()) {
      add(path.normalize(pattern), absolute);
    } else if (stats?.isDirectory()) {
      const entries = (await glob(folderFiles, { cwd: absolute })).sort();
      if (entries.length === 0) {
        const kinds = folderFiles === RECORD_FILES ? '.json, .jsonl or .ndjson' : 'log or result';
        report(pattern, `no ${kinds} files in this directory`);
      }
      for (const entry of entries) add(path.join(pattern, entry), path.join(absolute, entry));
    } else if (isDynamicPattern(pattern)) {
      const matches = (await glob(pattern, { cwd, absolute: path.isAbsolute(pattern) })).sort();
      if (matches.length === 0) report(pattern, 'no files match');
      for (const match of matches) add(match, path.resolve(cwd, match));
    } else {
      report(pattern, stats ? 'not a file or directory' : describeReadError(error));
    }
  }
  return files;
}

/** The problem of a path or glob that yields nothing: `findInputFiles`'s `report`, as a problem. */
export function inputProblem(pattern: string, message: string): RecordProblem {
  return { file: pattern, location: '', field: '', message, noInput: true };
}

/** A path's stats, or the error that says why there are none. */
async function statOf(file: string): Promise<{ stats?: Stats; error?: unknown }> {
  try {
    return { stats: await stat(file) };
  } catch (error) {
    return { error };
  }
}
