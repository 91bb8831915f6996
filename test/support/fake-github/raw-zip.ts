import { crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string;
  /** Raw DEFLATE data. */
  deflated: Buffer;
  crc32: number;
  /** Uncompressed size. */
  size: number;
}

const DOS_DATE_2024_01_01 = ((2024 - 1980) << 9) | (1 << 5) | 1;

export function deflateEntry(name: string, data: Buffer): RawEntry {
  return { name, deflated: deflateRawSync(data), crc32: crc32(data), size: data.length };
}

/**
 * A zip of already-deflated entries, with no checks on names: for what yazl refuses to write
 * (`..` in a name) or would take seconds to (deflating a gigabyte). No zip64.
 */
export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (entry.size > 0xffffffff) throw new Error('rawZip: entries of 4 GiB or more need zip64');
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeSharedFields(local, 4, entry, name.length);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    writeSharedFields(central, 6, entry, name.length);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + entry.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The 26 bytes local and central headers share, from "version needed" to "extra length". */
function writeSharedFields(header: Buffer, at: number, entry: RawEntry, nameLength: number): void {
  header.writeUInt16LE(20, at); // version needed: deflate
  header.writeUInt16LE(0x0800, at + 2); // flags: UTF-8 name
  header.writeUInt16LE(8, at + 4); // method: deflate
  header.writeUInt16LE(0, at + 6); // time
  header.writeUInt16LE(DOS_DATE_2024_01_01, at + 8);
  header.writeUInt32LE(entry.crc32 >>> 0, at + 10);
  header.writeUInt32LE(entry.deflated.length, at + 14);
  header.writeUInt32LE(entry.size, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
  header.writeUInt16LE(0, at + 24); // extra length
}
