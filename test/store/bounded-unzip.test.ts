import { constants, crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { unzipBounded, UNZIP_LIMITS, ZipRejected } from '../../src/store/bounded-unzip.js';
import { deflateEntry, rawZip } from '../support/fake-github/raw-zip.js';
import { pathTraversalZip, truncatedZip, zipBomb, zipOf } from '../support/fake-github/zips.js';

const WANTED = ['manifest.json', 'sessions.jsonl'];

async function rejection(bytes: Buffer, limits = UNZIP_LIMITS): Promise<string> {
  try {
    await unzipBounded(bytes, WANTED, limits);
  } catch (error) {
    if (error instanceof ZipRejected) return error.reason;
    throw error;
  }
  throw new Error('the zip was accepted');
}

describe('unzipBounded', () => {
  it('reads the wanted entries and lists the others unread', async () => {
    const zip = await zipOf({
      'manifest.json': '{"a":1}',
      'sessions.jsonl': 'x\n',
      'extra.txt': 'hi',
    });
    const { files, ignored } = await unzipBounded(zip, WANTED);
    expect(files.get('manifest.json')?.toString()).toBe('{"a":1}');
    expect(files.get('sessions.jsonl')?.toString()).toBe('x\n');
    expect(ignored).toEqual(['extra.txt']);
  });

  it('refuses a truncated zip', async () => {
    expect(await rejection(await truncatedZip({ 'manifest.json': '{}' }))).toMatch(
      /truncated or corrupt/,
    );
  });

  it('refuses a zip bomb by its declared ratio, before inflating', async () => {
    expect(await rejection(zipBomb({ name: 'sessions.jsonl' }))).toMatch(/200:1 .*zip bomb/);
  });

  it('refuses a bomb that lies about its size, while inflating', async () => {
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    const deflated = deflateRawSync(zeros, { level: 9, finishFlush: constants.Z_FINISH });
    const liar = rawZip([{ name: 'sessions.jsonl', deflated, crc32: crc32(zeros), size: 100 }]);
    const reason = await rejection(liar, { ...UNZIP_LIMITS, ratioFloorBytes: 1024 });
    expect(reason).toMatch(/zip bomb|truncated or corrupt/);
  });

  it('refuses more uncompressed bytes in all than the total limit', async () => {
    const zip = await zipOf({
      'manifest.json': 'a'.repeat(3000),
      'sessions.jsonl': 'b'.repeat(3000),
    });
    const limits = { ...UNZIP_LIMITS, maxTotalBytes: 5000 };
    expect(await rejection(zip, limits)).toMatch(/more than 5000 bytes/);
  });

  it.each([
    ['../../evil.txt', pathTraversalZip()],
    ['/etc/passwd', rawZip([deflateEntry('/etc/passwd', Buffer.from('x'))])],
    ['C:\\evil', rawZip([deflateEntry('C:\\evil', Buffer.from('x'))])],
    ['a/../../b', rawZip([deflateEntry('a/../../b', Buffer.from('x'))])],
  ])('refuses an entry path that leaves the folder: %s', async (_, zip) => {
    expect(await rejection(zip)).toMatch(/path traversal/);
  });

  it('refuses too many entries', async () => {
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, 'x']));
    expect(await rejection(await zipOf(many))).toMatch(/20 entries, expected at most 16/);
  });
});
