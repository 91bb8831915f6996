import type { InputFile } from './find-input-files.js';
import type { RecordSink } from './record-collector.js';
/**
 * The largest `.json` file read: it is parsed whole, so its size bounds the memory it takes.
 * JSON Lines files have no such limit: they are read a line at a time.
 */
export declare const MAX_JSON_FILE_BYTES: number;
/**
 * Reads a `.json` file (or any file not named as JSON Lines): one record, an array of records
 * (location `[i]`), or the seed framework's test file.
 */
export declare function readJsonFile(file: InputFile, sink: RecordSink): Promise<void>;
/**
 * A JSON file's value, read whole; or why there is none, located (`3:14` for a syntax error,
 * '' for the whole file): unreadable, binary, too large, empty or not valid JSON.
 */
export declare function readJsonDocument(file: InputFile): Promise<{
    value: unknown;
} | {
    location: string;
    message: string;
}>;
