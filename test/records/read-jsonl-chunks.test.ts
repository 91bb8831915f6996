import { describe, expect, it } from 'vitest';
import { readSessions } from '../../src/records/read.js';
import { useTempFiles } from './temp-files.js';

const tempFiles = useTempFiles();
const MiB = 1 << 20;

/** A record line of exactly `bytes` bytes (UTF-8, with its newline), its id as given. */
function line(id: string, bytes: number): Buffer {
  const head = Buffer.from(JSON.stringify({ session_id: id, variant: 'cold', task_id: 't' }));
  const notes = Buffer.from(`${head.subarray(0, -1).toString()},"notes":"`);
  const padding = bytes - notes.length - 3; // `"}` and the newline
  return Buffer.concat([notes, Buffer.alloc(padding, 'x'), Buffer.from('"}\n')]);
}

/**
 * Record lines; at each `[offset, idBytes, before]`, a line whose id ends with `idBytes`, which
 * start `before` bytes ahead of the file offset `offset`: a chunk end there cuts them.
 */
function fileCutAt(points: [number, Buffer, number][]): Buffer {
  const lines: Buffer[] = [];
  let size = 0;
  for (const [offset, idBytes, before] of points) {
    while (offset - size > 2000) {
      const next = line(`pad-${lines.length}`, 1000);
      lines.push(next);
      size += next.length;
    }
    // `{"session_id":"` is 15 bytes: the id starts 15 bytes into its line.
    const lead = offset - before - size - 15;
    const straddler = Buffer.concat([
      Buffer.from(`{"session_id":"${'q'.repeat(lead)}`),
      idBytes,
      Buffer.from('","variant":"cold","task_id":"t"}\n'),
    ]);
    lines.push(straddler);
    size += straddler.length;
  }
  return Buffer.concat(lines);
}

describe('readSessions: JSON Lines split into chunks', () => {
  it('decodes characters and invalid UTF-8 cut by a chunk end as reading it whole would', async () => {
    const emoji = Buffer.from('😀é'); // 4 + 2 bytes
    const invalid = Buffer.from([0x61, 0xe2, 0x82, 0x62, 0xff, 0xc3]); // cut sequences, a stray byte
    const text = fileCutAt([
      [MiB, emoji, 2],
      [2 * MiB, invalid, 3],
      [3 * MiB, emoji, 5],
    ]);
    expect(text.subarray(MiB - 2, MiB + 2)).toEqual(emoji.subarray(0, 4));
    const dir = tempFiles({ 'cut.jsonl': text });
    const result = await readSessions(['cut.jsonl'], { onInvalid: 'fail', cwd: dir });
    expect(result.problems).toEqual([]);
    const whole = text.toString('utf8').split('\n').filter(Boolean);
    expect(result.table.size).toBe(whole.length);
    const ids = whole.map((json) => (JSON.parse(json) as { session_id: string }).session_id);
    const straddlers = ids.filter((id) => id.startsWith('q'));
    expect(straddlers).toHaveLength(3);
    expect(straddlers[0]).toMatch(/😀é$/);
    expect(straddlers[1]).toMatch(/a\uFFFDb\uFFFD\uFFFD$/);
    // The table knows each straddling id: reading them again finds them as duplicates.
    const again = Buffer.from(
      straddlers
        .map((id) => `${JSON.stringify({ session_id: id, variant: 'cold', task_id: 't' })}\n`)
        .join(''),
    );
    const twice = tempFiles({ 'twice.jsonl': Buffer.concat([text, again]) });
    const reread = await readSessions(['twice.jsonl'], { onInvalid: 'fail', cwd: twice });
    expect(reread.table.size).toBe(whole.length);
    expect(reread.table.duplicates.identical).toBe(3);
  });

  it('reads a line longer than several chunks, and a last line cut in a character', async () => {
    const long = line('long', 2.5 * MiB);
    const text = Buffer.concat([
      Buffer.from('\uFEFF'),
      long,
      line('after', 100),
      Buffer.from('{"session_id":"é'),
      Buffer.from([0xc3]),
    ]);
    const dir = tempFiles({ 'long.jsonl': text });
    const result = await readSessions(['long.jsonl'], { onInvalid: 'fail', cwd: dir });
    expect(result.table.size).toBe(2);
    expect(result.problems).toEqual([
      {
        file: 'long.jsonl',
        location: '3:18',
        field: '',
        message: 'not valid JSON (Unterminated string)',
      },
    ]);
  });
});
