/** How much of a file's start is checked for binary data. */
const SNIFF_BYTES = 1024;
const BOM = 0xfeff;

export const EMPTY_FILE = 'empty file, expected JSON records';
export const BINARY_FILE = 'not a text file (binary data), expected JSON records';

/** Whether the start of a file holds NUL bytes or invalid UTF-8: not a JSON text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return true;
  try {
    // `stream` keeps a character cut at the end of the sample from counting as invalid.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return false;
  } catch {
    return true;
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === BOM ? text.slice(1) : text;
}

/** A file system error in plain words, e.g. `cannot read: permission denied`. */
export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read: permission denied';
    case 'EISDIR':
      return 'cannot read: is a directory';
    case 'ERR_STRING_TOO_LONG':
      return 'too large for one JSON document; write large result sets as .jsonl';
    default:
      return `cannot read: ${error instanceof Error ? error.message : String(error)}`;
  }
}
