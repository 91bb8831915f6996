import yauzl from 'yauzl';

/** How much a zip from elsewhere may make us hold. */
export interface UnzipLimits {
  maxEntries: number;
  /** Uncompressed bytes of all entries read together. */
  maxTotalBytes: number;
  /** Uncompressed over compressed size, per entry, beyond `ratioFloorBytes`. */
  maxRatio: number;
  /** Entries that inflate to less than this are never refused for their ratio. */
  ratioFloorBytes: number;
}

export const UNZIP_LIMITS: UnzipLimits = {
  maxEntries: 16,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

/** A zip refused as a whole; `reason` says why in plain words. */
export class ZipRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ZipRejected';
  }
}

export interface UnzippedFiles {
  files: Map<string, Buffer>;
  /** Entries present but not wanted, left unread. */
  ignored: string[];
}

/**
 * Reads the `wanted` entries of a zip held in memory, refusing it as a whole when it has too many
 * entries, an entry path that leaves the folder (`..`, absolute), encrypted data, or an entry
 * that inflates past the limits. Sizes are checked as declared first, then counted while
 * inflating, so a zip that lies about them stops early too.
 */
export async function unzipBounded(
  bytes: Buffer,
  wanted: readonly string[],
  limits: UnzipLimits = UNZIP_LIMITS,
): Promise<UnzippedFiles> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, {
      lazyEntries: true,
      decodeStrings: false,
      validateEntrySizes: true,
    });
  } catch (error) {
    throw new ZipRejected(`not a readable zip (${messageOf(error)}); truncated or corrupt`);
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new ZipRejected(`${zip.entryCount} entries, expected at most ${limits.maxEntries}`);
  }
  const files = new Map<string, Buffer>();
  const ignored: string[] = [];
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const name = (entry.fileNameRaw as Buffer).toString('utf8');
      checkPath(name);
      if (name.endsWith('/')) continue;
      if (!wanted.includes(name)) {
        ignored.push(name);
        continue;
      }
      if (entry.isEncrypted()) throw new ZipRejected(`entry ${JSON.stringify(name)} is encrypted`);
      const allowed = Math.max(limits.ratioFloorBytes, entry.compressedSize * limits.maxRatio);
      checkSize(name, entry.uncompressedSize, allowed, total, limits);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of await zip.openReadStreamPromise(entry)) {
        size += (chunk as Buffer).length;
        checkSize(name, size, allowed, total, limits);
        chunks.push(chunk as Buffer);
      }
      total += size;
      files.set(name, Buffer.concat(chunks));
    }
  } catch (error) {
    if (error instanceof ZipRejected) throw error;
    throw new ZipRejected(`cannot be read (${messageOf(error)}); truncated or corrupt`);
  } finally {
    zip.close();
  }
  return { files, ignored };
}

function checkPath(name: string): void {
  const parts = name.split(/[\\/]/);
  if (
    name.startsWith('/') ||
    name.startsWith('\\') ||
    /^[a-z]:/i.test(name) ||
    parts.includes('..')
  ) {
    throw new ZipRejected(
      `entry ${JSON.stringify(name)} points outside the archive (path traversal)`,
    );
  }
}

function checkSize(
  name: string,
  size: number,
  allowed: number,
  total: number,
  limits: UnzipLimits,
): void {
  if (size > allowed) {
    throw new ZipRejected(
      `entry ${JSON.stringify(name)} inflates beyond ${limits.maxRatio}:1 of its compressed size (a zip bomb)`,
    );
  }
  if (total + size > limits.maxTotalBytes) {
    throw new ZipRejected(
      `its entries inflate to more than ${limits.maxTotalBytes} bytes, the most this reads`,
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
