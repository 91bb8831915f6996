import { constants, crc32, deflateRawSync } from 'node:zlib';
import yazl from 'yazl';
import { deflateEntry, rawZip } from './raw-zip.js';

/** Archive path → content. */
export type ZipFiles = Record<string, string | Buffer>;

const MTIME = new Date('2024-01-01T00:00:00Z');
const MIB = 1024 * 1024;

/** A normal zip, byte-for-byte the same for the same files. */
export async function zipOf(files: ZipFiles): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(files)) {
    zip.addBuffer(Buffer.from(content), name, { mtime: MTIME });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A zip cut in half: its central directory is gone, as after a broken transfer. */
export async function truncatedZip(files: ZipFiles): Promise<Buffer> {
  const whole = await zipOf(files);
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** One entry named `../../evil.txt`, which extracts outside the target folder if trusted. */
export function pathTraversalZip(): Buffer {
  return rawZip([deflateEntry('../../evil.txt', Buffer.from('written outside the folder\n'))]);
}

/**
 * A real compression-ratio bomb: one entry that truly inflates to `entryBytes` zeros (1 GiB by
 * default; or bytes `byte`) from about a thousandth of that, with a correct CRC, built without
 * holding them; `others` are small entries before it.
 */
export function zipBomb(
  options: { entryBytes?: number; name?: string; byte?: number; others?: ZipFiles } = {},
): Buffer {
  const size = options.entryBytes ?? 1024 * MIB;
  const zeros = Buffer.alloc(Math.min(size, MIB), options.byte ?? 0);
  // A full flush ends each piece on a byte boundary with no back-references, so copies of one
  // deflated mebibyte concatenate into a valid stream; an empty final block closes it.
  const flushed = (bytes: Buffer) =>
    deflateRawSync(bytes, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const whole = Math.floor(size / MIB);
  const rest = size % MIB;
  const mebibyte = whole > 0 ? flushed(zeros) : Buffer.alloc(0);
  const pieces: Buffer[] = new Array<Buffer>(whole).fill(mebibyte);
  if (rest > 0) pieces.push(flushed(zeros.subarray(0, rest)));
  pieces.push(deflateRawSync(Buffer.alloc(0)));
  let crc = 0;
  for (let i = 0; i < whole; i++) crc = crc32(zeros, crc);
  if (rest > 0) crc = crc32(zeros.subarray(0, rest), crc);
  const name = options.name ?? 'zeros.bin';
  const others = Object.entries(options.others ?? {}).map(([other, content]) =>
    deflateEntry(other, Buffer.from(content)),
  );
  return rawZip([...others, { name, deflated: Buffer.concat(pieces), crc32: crc, size }]);
}
