import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { ZSTDDecoder } from 'zstddec';

/** Zip method 93, Zstandard: inspect_ai writes every entry of a `.eval` log with it. */
const ZSTD = 93;
const STORED = 0;
const DEFLATE = 8;
/** The most one entry may hold: a sample is read whole to be parsed, one at a time. */
export const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

/** An entry that cannot be read; `reason` says why in plain words. */
export class EntryError extends Error {}

/** A `.eval` log opened: its entries' names, and each entry's text on demand. */
export interface EvalZip {
  names: readonly string[];
  text(name: string): Promise<string>;
  close(): void;
}

let decoder: Promise<ZSTDDecoder> | undefined;

/** The Zstandard decoder (WebAssembly, compiled once). */
function zstd(): Promise<ZSTDDecoder> {
  decoder ??= (async () => {
    const instance = new ZSTDDecoder();
    await instance.init();
    return instance;
  })();
  return decoder;
}

/**
 * Opens a zip from disk, reading only its central directory: entries are read one at a time
 * when asked for, so memory holds one entry, whatever the size of the log. Throws when the file
 * is not a readable zip.
 */
export async function openEvalZip(path: string): Promise<EvalZip> {
  const zip = await yauzl.openPromise(path, {
    lazyEntries: true,
    autoClose: false,
    validateEntrySizes: true,
  });
  const entries = new Map<string, yauzl.Entry>();
  try {
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
  } catch (error) {
    zip.close();
    throw error;
  }
  return {
    names: [...entries.keys()],
    text: async (name) => {
      const entry = entries.get(name);
      if (entry === undefined) throw new EntryError('no such entry');
      return Buffer.from(await entryBytes(zip, entry)).toString('utf8');
    },
    close: () => zip.close(),
  };
}

async function entryBytes(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Uint8Array> {
  const method = entry.compressionMethod;
  if (method !== ZSTD && method !== STORED && method !== DEFLATE) {
    throw new EntryError(`compression method ${method}, expected 93 (zstd), 8 or 0`);
  }
  if (entry.isEncrypted()) throw new EntryError('encrypted');
  if (entry.uncompressedSize > MAX_ENTRY_BYTES) {
    throw new EntryError(
      `${mib(entry.uncompressedSize)} uncompressed, more than the ${mib(MAX_ENTRY_BYTES)} read at most`,
    );
  }
  const options = method === ZSTD ? { decodeFileData: false } : {};
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of await zip.openReadStreamPromise(entry, options)) {
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    throw new EntryError(`unreadable (${(error as Error).message})`);
  }
  const raw = Buffer.concat(chunks);
  const bytes = method === ZSTD ? (await zstd()).decode(raw, entry.uncompressedSize) : raw;
  // The zstd decoder tells a corrupt frame only by the length it returns; the checksum, the rest.
  if (bytes.length !== entry.uncompressedSize || crc32(bytes) !== entry.crc32) {
    throw new EntryError('corrupt: its data does not match the size and checksum the zip recorded');
  }
  return bytes;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}
