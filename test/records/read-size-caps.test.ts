import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_FILE_BYTES } from '../../src/records/read-json.js';
import { MAX_RECORD_LINE_BYTES } from '../../src/records/read-jsonl.js';
import { readSessions } from '../../src/records/read.js';
import { jsonLines, useTempFiles } from './temp-files.js';

const tempFiles = useTempFiles();
const record = (id: string) => ({ session_id: id, variant: 'cold', task_id: 't' });

describe('result files: sizes are checked before anything is held whole', () => {
  it('a JSONL line longer than 4 MiB is refused by file and line, and the lines after it read', async () => {
    const long = `{"session_id": "big", "notes": "${'x'.repeat(MAX_RECORD_LINE_BYTES)}"}`;
    const dir = tempFiles({
      'r.jsonl': `${jsonLines([record('a')])}${long}\n${jsonLines([record('b')])}`,
    });
    const result = await readSessions(['r.jsonl'], { onInvalid: 'skip', cwd: dir });
    expect(result.problems).toEqual([
      {
        file: 'r.jsonl',
        location: '2',
        field: '',
        message: 'line longer than 4 MiB, the most one record may take; not read',
      },
    ]);
    expect(result.recordsRead).toBe(2);
  });

  it('one valid line, then megabytes without a newline: refused once, the valid line kept', async () => {
    const dir = tempFiles({ 'r.jsonl': jsonLines([record('a')]) });
    const file = openSync(join(dir, 'r.jsonl'), 'a');
    const block = Buffer.alloc(1 << 20, 'y');
    for (let i = 0; i < 12; i++) writeSync(file, block);
    closeSync(file);
    const result = await readSessions(['r.jsonl'], { onInvalid: 'skip', cwd: dir });
    expect(result.problems.map((p) => `${p.location}: ${p.message}`)).toEqual([
      '2: line longer than 4 MiB, the most one record may take; not read',
    ]);
    expect(result.recordsRead).toBe(1);
  });

  it('a .json file over 64 MiB is refused before it is read, with what to do instead', async () => {
    const dir = tempFiles({});
    const file = openSync(join(dir, 'big.json'), 'w');
    writeSync(file, '[');
    const spaces = Buffer.alloc(1 << 20, ' ');
    for (let i = 0; i <= MAX_JSON_FILE_BYTES >> 20; i++) writeSync(file, spaces);
    writeSync(file, ']');
    closeSync(file);
    const result = await readSessions(['big.json'], { onInvalid: 'fail', cwd: dir });
    expect(result.problems).toEqual([
      {
        file: 'big.json',
        location: '',
        field: '',
        message:
          '65 MiB, more than the 64 MiB one JSON document may be; write large result sets as .jsonl, one record per line',
      },
    ]);
  });

  it('a binary file is refused from its first bytes, whatever its size', async () => {
    const dir = tempFiles({
      'blob.json': Buffer.concat([Buffer.from([0, 1, 2]), Buffer.alloc(100)]),
    });
    const result = await readSessions(['blob.json'], { onInvalid: 'fail', cwd: dir });
    expect(result.problems[0]?.message).toBe(
      'not a text file (binary data), expected JSON records',
    );
  });
});
