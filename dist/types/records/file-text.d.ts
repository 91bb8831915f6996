export declare const EMPTY_FILE = "empty file, expected JSON records";
export declare const BINARY_FILE = "not a text file (binary data), expected JSON records";
/** Whether the start of a file holds NUL bytes or invalid UTF-8: not a JSON text. */
export declare function looksBinary(bytes: Uint8Array): boolean;
export declare function stripBom(text: string): string;
/** A file system error in plain words, e.g. `cannot read: permission denied`. */
export declare function describeReadError(error: unknown): string;
