import type { InputFile } from './find-input-files.js';
import type { RecordSink } from './record-collector.js';
/**
 * The longest line one record may take. Longer is refused before it is held whole, so a file
 * without newlines costs no more memory than this; the store's lines have room for it.
 */
export declare const MAX_RECORD_LINE_BYTES: number;
/** Bytes `[start, end)` of a file; `start` is 0 or just after a newline. */
export interface ByteRange {
    start: number;
    end: number;
}
/** What reading a range found: its lines are numbered from 1 within the range. */
export interface RangeScan {
    /** Lines read: the newlines in the range, plus one for a last line without a newline. */
    lines: number;
    /** Lines that are not blank. */
    contentLines: number;
    /** False when the file could not be read (a problem says why) or is binary. */
    complete: boolean;
}
/**
 * Streams a JSON Lines file, one record per line (CRLF, a leading BOM and blank lines accepted).
 * Only one chunk and one partial line are held at a time. Lines are split by hand: `readline`
 * is several times slower.
 */
export declare function readJsonLines(file: InputFile, sink: RecordSink): Promise<void>;
/**
 * `readJsonLines` for the bytes of `range` (the whole file without one), numbering its lines
 * from 1, and without the empty file check, which needs every range. Only the range at the start
 * of the file is checked for binary data and a BOM.
 */
export declare function readJsonLinesRange(file: InputFile, sink: RecordSink, range?: ByteRange): Promise<RangeScan>;
