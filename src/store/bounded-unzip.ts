import yauzl from 'yauzl';

/** How much a zip from elsewhere may make us read. */
export interface UnzipLimits {
  maxEntries: number;
  /** Inflated bytes of each wanted entry, by name: more is refused. */
  maxBytes: Record<string, number>;
}

/** A zip refused as a whole; `reason` says why in plain words. */
export class ZipRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ZipRejected';
  }
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;

/**
 * A zip on disk, its central directory checked: at most `maxEntries` entries, none whose path
 * leaves the folder (`..`, absolute), and each wanted one a plain file (not a link, not
 * encrypted, not twice), declaring no more than its limit. Entries are inflated only when asked
 * for, as streams that stop at the limit whatever the zip declares: memory and time stay
 * bounded however the zip was made.
 */
export class BoundedZip {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    /** Entries present but not wanted, left unread. */
    readonly ignored: string[],
    private readonly limits: UnzipLimits,
  ) {}

  static async open(path: string, limits: UnzipLimits): Promise<BoundedZip> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.openPromise(path, {
        lazyEntries: true,
        decodeStrings: false,
        validateEntrySizes: true,
        autoClose: false,
      });
    } catch (error) {
      throw new ZipRejected(`not a readable zip (${messageOf(error)}); truncated or corrupt`);
    }
    try {
      if (zip.entryCount > limits.maxEntries) {
        throw new ZipRejected(`${zip.entryCount} entries, expected at most ${limits.maxEntries}`);
      }
      const entries = new Map<string, yauzl.Entry>();
      const ignored: string[] = [];
      for await (const entry of zip.eachEntry()) {
        const name = (entry.fileNameRaw as Buffer).toString('utf8');
        checkPath(name);
        if (name.endsWith('/')) continue;
        const limit = limits.maxBytes[name];
        if (limit === undefined) {
          ignored.push(name);
          continue;
        }
        checkEntry(name, entry, limit, entries.has(name));
        entries.set(name, entry);
      }
      return new BoundedZip(zip, entries, ignored, limits);
    } catch (error) {
      zip.close();
      if (error instanceof ZipRejected) throw error;
      throw new ZipRejected(`cannot be read (${messageOf(error)}); truncated or corrupt`);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * A wanted entry's inflated bytes as a stream, undefined when the zip has none. Reading more
   * than its limit, or a stream that breaks, errors with a ZipRejected.
   */
  async stream(name: string): Promise<AsyncIterable<Buffer> | undefined> {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    const limit = this.limits.maxBytes[name] ?? 0;
    let stream: NodeJS.ReadableStream;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch (error) {
      throw new ZipRejected(`cannot be read (${messageOf(error)}); truncated or corrupt`);
    }
    return bounded(stream, name, limit);
  }

  /** A wanted entry whole, as UTF-8 text; undefined when the zip has none. */
  async text(name: string): Promise<string | undefined> {
    const stream = await this.stream(name);
    if (!stream) return undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
    } catch {
      throw new ZipRejected(`${name} is not UTF-8 text`);
    }
  }

  close(): void {
    this.zip.close();
  }
}

async function* bounded(
  stream: NodeJS.ReadableStream,
  name: string,
  limit: number,
): AsyncGenerator<Buffer> {
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > limit) throw tooLarge(name, limit);
      yield chunk as Buffer;
    }
  } catch (error) {
    if (error instanceof ZipRejected) throw error;
    throw new ZipRejected(`cannot be read (${messageOf(error)}); truncated or corrupt`);
  } finally {
    (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }
}

function checkEntry(name: string, entry: yauzl.Entry, limit: number, seen: boolean): void {
  const quoted = JSON.stringify(name);
  if (seen) throw new ZipRejected(`it has two entries named ${quoted}`);
  if (entry.isEncrypted()) throw new ZipRejected(`entry ${quoted} is encrypted`);
  // Unix zips keep the file type in the upper half of the external attributes; 0 is unknown.
  const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (type === S_IFLNK) throw new ZipRejected(`entry ${quoted} is a symbolic link, not a file`);
  if (type !== 0 && type !== S_IFREG) throw new ZipRejected(`entry ${quoted} is not a file`);
  if (entry.uncompressedSize > limit) throw tooLarge(name, limit);
}

function tooLarge(name: string, limit: number): ZipRejected {
  return new ZipRejected(
    `entry ${JSON.stringify(name)} inflates to more than ${limit} bytes, the most this reads`,
  );
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
