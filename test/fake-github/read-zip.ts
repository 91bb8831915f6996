import yauzl from 'yauzl';

/** Entry name → content, checked against declared sizes (what a careful reader would do). */
export async function readZip(bytes: Buffer): Promise<Record<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const files: Record<string, Buffer> = {};
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    files[entry.fileName] = Buffer.concat(chunks);
  }
  return files;
}

/** The entries as declared in the central directory, names undecoded (so `..` passes). */
export async function zipEntries(
  bytes: Buffer,
): Promise<{ name: string; size: number; compressedSize: number; crc32: number }[]> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, decodeStrings: false });
  const entries = [];
  for await (const entry of zip.eachEntry()) {
    entries.push({
      name: entry.fileNameRaw.toString('utf8'),
      size: entry.uncompressedSize,
      compressedSize: entry.compressedSize,
      crc32: entry.crc32,
    });
  }
  return entries;
}
