/**
 * Writes inspect_ai `.eval` logs for the agent-log benchmark: the samples of a real log copied
 * as further epochs, each with its own uuid, every entry zstd-compressed (zip method 93) as
 * inspect writes them. Needs Node 22.15 or later (zlib's zstd); bench-sources runs it on the
 * Node 24 that `npm run ensure-node24` installs.
 *
 *   node make-inspect-logs.mjs <template.eval> <out dir> <sessions> <sessions per log>
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';

const [template, out, sessions, perLog] = process.argv.slice(2);
const entries = readZip(readFileSync(template));
const header = entries.get('header.json');
const samples = [...entries]
  .filter(([name]) => name.startsWith('samples/'))
  .map(([, text]) => JSON.parse(text));

for (let log = 0, made = 0; made < Number(sessions); log++) {
  const files = [['header.json', header]];
  for (let i = 0; i < Number(perLog) && made < Number(sessions); i++, made++) {
    const sample = { ...samples[i % samples.length] };
    sample.epoch = Math.floor(i / samples.length) + 1;
    sample.uuid = `bench${String(made).padStart(17, '0')}`;
    files.push([`samples/${sample.id}_epoch_${sample.epoch}.json`, JSON.stringify(sample)]);
  }
  const arm = log % 2 ? 'warm' : 'cold';
  mkdirSync(join(out, arm), { recursive: true });
  writeFileSync(join(out, arm, `log-${log}.eval`), writeZip(files));
}

/** A zip's entries as text: only what inspect writes (zstd, no zip64), read by hand. */
function readZip(zip) {
  const entries = new Map();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const size = zip.readUInt32LE(at + 20);
    const name = zip.toString('utf8', at + 46, at + 46 + zip.readUInt16LE(at + 28));
    const local = zip.readUInt32LE(at + 42);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    entries.set(name, zlib.zstdDecompressSync(zip.subarray(data, data + size)).toString('utf8'));
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** A zip of [name, text] entries, each zstd-compressed (method 93). */
function writeZip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of files) {
    const data = Buffer.from(text, 'utf8');
    const packed = zlib.zstdCompressSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const fields = Buffer.alloc(26);
    fields.writeUInt16LE(63, 0); // version needed: zstd
    fields.writeUInt16LE(0x0800, 2); // UTF-8 names
    fields.writeUInt16LE(93, 4);
    fields.writeUInt32LE(zlib.crc32(data), 10);
    fields.writeUInt32LE(packed.length, 14);
    fields.writeUInt32LE(data.length, 18);
    fields.writeUInt16LE(nameBytes.length, 22);
    const local = Buffer.concat([signature(0x04034b50), fields, nameBytes, packed]);
    // Made by (zstd's version), the local fields, then comment, disk and attributes (10 zero bytes).
    const tail = Buffer.alloc(14);
    tail.writeUInt32LE(offset, 10);
    centrals.push(
      Buffer.concat([signature(0x02014b50), Buffer.from([63, 3]), fields, tail, nameBytes]),
    );
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function signature(value) {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value, 0);
  return bytes;
}
