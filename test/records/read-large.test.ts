import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { readSessions } from '../../src/records/read.js';
import { useTempFiles } from './temp-files.js';

const tempFiles = useTempFiles();
const LINES = 200_000;

/** Writes a JSONL file of `LINES` sessions over 500 tasks, every 1000th line a duplicate. */
async function writeSessions(file: string): Promise<void> {
  const out = createWriteStream(file);
  for (let i = 0; i < LINES; i++) {
    const id = i % 1000 === 999 ? `s${i - 1}` : `s${i}`;
    const line = JSON.stringify({
      session_id: id,
      variant: i % 2 === 0 ? 'cold' : 'warm',
      task_id: `t${Math.floor(i / 2) % 500}`,
      success: i % 3 !== 0,
      tool_calls: 10,
      successful_tool_calls: 8 + (i % 3),
      completion_time_seconds: 30 + (i % 100),
      metrics: { cost_usd: 0.01 * (i % 10) },
    });
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
}

describe('readSessions: a large JSONL file', () => {
  it(`streams ${LINES.toLocaleString('en')} lines`, async () => {
    const dir = tempFiles({});
    await writeSessions(join(dir, 'big.jsonl'));
    const result = await readSessions(['big.jsonl'], { onInvalid: 'fail', cwd: dir });
    expect(result.problems).toEqual([]);
    expect(result.recordsRead).toBe(LINES);
    const duplicates = LINES / 1000;
    expect(result.table.size).toBe(LINES - duplicates);
    // A duplicate line copies its id but not its fields: each one conflicts.
    expect(result.table.duplicates.conflicting).toBe(duplicates);
    expect(result.table.labels('variant')).toEqual(['cold', 'warm']);
    expect(result.table.labels('task_id')).toHaveLength(500);
    expect(result.table.column('metrics.cost_usd')).toHaveLength(LINES - duplicates);
  });
});
