import type { RecordProblem } from './types.js';
/** A file to read: its path as shown in messages (relative to cwd, as typed) and on disk. */
export interface InputFile {
    display: string;
    absolute: string;
}
/**
 * Expands what the user gave into files, in order, each file once: a file path as it is, a
 * directory into every file below it that `folderFiles` matches (record files by default), a glob into its matches (both sorted). A pattern
 * that yields nothing is reported with `report`.
 */
export declare function findInputFiles(patterns: readonly string[], cwd: string, report: (pattern: string, message: string) => void, folderFiles?: string): Promise<InputFile[]>;
/** The problem of a path or glob that yields nothing: `findInputFiles`'s `report`, as a problem. */
export declare function inputProblem(pattern: string, message: string): RecordProblem;
