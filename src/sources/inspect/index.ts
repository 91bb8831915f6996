import type { FileHead, Source } from '../types.js';
import { isObject } from '../values.js';
import { readInspect } from './read.js';

const ZIP_MAGIC = 'PK\x03\x04';
/** The entries a `.eval` zip starts with, whatever inspect_ai's version. */
const EVAL_ENTRY = /^(?:_journal\/|header\.json|samples\/|summaries\.json)/;
/** The start of a `.json` log, as inspect writes it (indented or not). */
const JSON_LOG =
  /^\s*\{\s*"version"\s*:\s*\d+\s*,\s*(?:"status"\s*:\s*"\w*"\s*,\s*)?"eval"\s*:\s*\{/;

/**
 * inspect_ai eval logs: `.eval` (a zip; every entry zstd-compressed, zip method 93) and `.json`.
 * One session per sample and epoch; `success` is the scorer's verdict on the sample.
 */
export const inspect: Source = {
  name: 'inspect',
  detect: ({ bytes, firstLine, text, name }: FileHead) => {
    const head = Buffer.from(bytes.subarray(0, 4)).toString('latin1');
    if (head === ZIP_MAGIC) return name.endsWith('.eval') || EVAL_ENTRY.test(firstEntryName(bytes));
    if (isObject(firstLine))
      return isObject(firstLine.eval) && typeof firstLine.version === 'number';
    return JSON_LOG.test(text);
  },
  read: readInspect,
};

/** The name of a zip's first entry, from its local file header. */
function firstEntryName(bytes: Uint8Array): string {
  if (bytes.length < 30) return '';
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const length = buffer.readUInt16LE(26);
  return buffer.subarray(30, 30 + length).toString('utf8');
}
