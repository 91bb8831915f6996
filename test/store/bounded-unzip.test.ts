import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BoundedZip, ZipRejected, type UnzipLimits } from '../../src/store/bounded-unzip.js';
import { deflateEntry, rawZip } from '../support/fake-github/raw-zip.js';
import { pathTraversalZip, truncatedZip, zipBomb, zipOf } from '../support/fake-github/zips.js';

const LIMITS: UnzipLimits = {
  maxEntries: 16,
  maxBytes: { 'manifest.json': 1 << 20, 'sessions.jsonl': 64 << 20 },
};

function onDisk(bytes: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ab-zip-')), 'a.zip');
  writeFileSync(file, bytes);
  return file;
}

/** Opens the zip and reads every wanted entry whole; the reason it was refused. */
async function rejection(bytes: Buffer, limits = LIMITS): Promise<string> {
  try {
    const zip = await BoundedZip.open(onDisk(bytes), limits);
    try {
      for (const name of Object.keys(limits.maxBytes)) {
        for await (const _ of (await zip.stream(name)) ?? []) void _;
      }
    } finally {
      zip.close();
    }
  } catch (error) {
    if (error instanceof ZipRejected) return error.reason;
    throw error;
  }
  throw new Error('the zip was accepted');
}

/** An entry with Unix file type bits, as `zip --symlinks` writes a link. */
function withMode(name: string, content: string, mode: number): Buffer {
  const zip = rawZip([deflateEntry(name, Buffer.from(content))]);
  const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  zip.writeUInt16LE((3 << 8) | 20, central + 4); // made by Unix
  zip.writeUInt32LE((mode << 16) >>> 0, central + 38);
  return zip;
}

describe('BoundedZip', () => {
  it('reads the wanted entries and lists the others unread', async () => {
    const zip = await BoundedZip.open(
      onDisk(
        await zipOf({ 'manifest.json': '{"a":1}', 'sessions.jsonl': 'x\n', 'extra.txt': 'hi' }),
      ),
      LIMITS,
    );
    expect(await zip.text('manifest.json')).toBe('{"a":1}');
    expect(await zip.text('sessions.jsonl')).toBe('x\n');
    expect(await zip.text('absent.json')).toBeUndefined();
    expect(zip.ignored).toEqual(['extra.txt']);
    zip.close();
  });

  it('refuses a truncated zip', async () => {
    expect(await rejection(await truncatedZip({ 'manifest.json': '{}' }))).toMatch(
      /truncated or corrupt/,
    );
  });

  it('refuses an entry that declares more than its limit, before inflating', async () => {
    const bomb = zipBomb({ name: 'sessions.jsonl', entryBytes: 65 << 20 });
    expect(await rejection(bomb)).toBe(
      'entry "sessions.jsonl" inflates to more than 67108864 bytes, the most this reads',
    );
  });

  it('accepts ordinary repetitive data however well it compresses', async () => {
    // 3 MiB that deflate to a few KiB: over 200:1, which the old guard refused.
    const repetitive = `${'{"error":"the same message again"}\n'.repeat(90_000)}`;
    const zip = await BoundedZip.open(
      onDisk(await zipOf({ 'sessions.jsonl': repetitive })),
      LIMITS,
    );
    expect(await zip.text('sessions.jsonl')).toBe(repetitive);
    zip.close();
  });

  it('stops a bomb that lies about its size while inflating', async () => {
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    const deflated = deflateRawSync(zeros, { level: 9, finishFlush: constants.Z_FINISH });
    const liar = rawZip([{ name: 'sessions.jsonl', deflated, crc32: crc32(zeros), size: 100 }]);
    const limits = { ...LIMITS, maxBytes: { 'sessions.jsonl': 1024 } };
    expect(await rejection(liar, limits)).toMatch(/more than 1024 bytes|truncated or corrupt/);
  });

  it.each([
    ['../../evil.txt', pathTraversalZip()],
    ['/etc/passwd', rawZip([deflateEntry('/etc/passwd', Buffer.from('x'))])],
    ['C:\\evil', rawZip([deflateEntry('C:\\evil', Buffer.from('x'))])],
    ['a/../../b', rawZip([deflateEntry('a/../../b', Buffer.from('x'))])],
  ])('refuses an entry path that leaves the folder: %s', async (_, zip) => {
    expect(await rejection(zip)).toMatch(/path traversal/);
  });

  it('refuses a wanted entry that is a symbolic link, or there twice', async () => {
    expect(await rejection(withMode('sessions.jsonl', '/etc/passwd', 0o120777))).toBe(
      'entry "sessions.jsonl" is a symbolic link, not a file',
    );
    const twice = rawZip([
      deflateEntry('sessions.jsonl', Buffer.from('a\n')),
      deflateEntry('sessions.jsonl', Buffer.from('b\n')),
    ]);
    expect(await rejection(twice)).toBe('it has two entries named "sessions.jsonl"');
  });

  it('refuses too many entries', async () => {
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, 'x']));
    expect(await rejection(await zipOf(many))).toMatch(/20 entries, expected at most 16/);
  });
});
