import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pathTraversalZip, truncatedZip, zipBomb, zipOf } from '../support/fake-github/index.js';
import { readZip, zipEntries } from './read-zip.js';

describe('zip payloads', () => {
  it('zipOf writes a normal zip', async () => {
    const files = await readZip(await zipOf({ 'a.txt': 'A', 'dir/b.json': '{}' }));
    expect(Object.keys(files)).toEqual(['a.txt', 'dir/b.json']);
    expect(files['a.txt']?.toString()).toBe('A');
  });

  it('truncatedZip cannot be opened', async () => {
    await expect(readZip(await truncatedZip({ 'a.txt': 'A'.repeat(1000) }))).rejects.toThrow();
  });

  it('pathTraversalZip holds ../../evil.txt, which careful readers refuse', async () => {
    const bytes = pathTraversalZip();
    expect((await zipEntries(bytes)).map((e) => e.name)).toEqual(['../../evil.txt']);
    await expect(readZip(bytes)).rejects.toThrow(/invalid relative path/);
  });

  it('zipBomb declares 1 GiB in about a thousandth of that', async () => {
    const bytes = zipBomb();
    const [entry] = await zipEntries(bytes);
    expect(entry?.size).toBe(1024 ** 3);
    expect(bytes.length).toBeLessThan(1.1 * 1024 * 1024);
  });

  it('zipBomb truly inflates to the declared zeros, CRC included', async () => {
    const size = 3 * 1024 * 1024 + 5;
    const bytes = zipBomb({ entryBytes: size });
    const [entry] = await zipEntries(bytes);
    const inflated = (await readZip(bytes))['zeros.bin'];
    expect(inflated?.length).toBe(size);
    expect(inflated?.every((byte) => byte === 0)).toBe(true);
    expect(crc32(inflated ?? Buffer.alloc(0))).toBe(entry?.crc32);
  });
});
