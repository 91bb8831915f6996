import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/records/problems.js';
import { readSessions } from '../../src/records/read.js';
import { random } from './session-lines.js';
import { useTempFiles } from './temp-files.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const tempFiles = useTempFiles();
const MiB = 1 << 20;

/**
 * About 34 MiB of sessions, over the CLI's 32 MiB threshold: invalid lines all along, ids
 * re-reported identically and differently far apart, CRLF in places, a BOM.
 */
function bigJsonLines(): string {
  const next = random(42);
  const lines: string[] = [];
  const record = (i: number, calls: number) =>
    JSON.stringify({
      session_id: `s${i}`,
      variant: i % 2 ? 'warm' : 'cold',
      task_id: `t${i % 97}`,
      experiment: 'exp',
      success: i % 3 !== 0,
      tool_calls: calls,
      successful_tool_calls: Math.min(calls, 5),
      completion_time_seconds: 10 + (i % 50),
      metrics: { cost_usd: (i % 10) / 100 },
      notes: 'n'.repeat(40),
    });
  for (let i = 0; lines.length < 150_000; i++) {
    const roll = next();
    if (roll < 0.0001) lines.push(record(i, 8).replace('"tool_calls":8', '"tool_calls":"five"'));
    else if (roll < 0.0002) lines.push('{"broken": ');
    else if (roll < 0.01) lines.push(record(Math.floor(next() * i), next() < 0.5 ? 8 : 9));
    else lines.push(record(i, 8));
    if (next() < 0.01) lines.push('');
  }
  return `\uFEFF${lines.map((line, i) => (i % 5 === 0 ? `${line}\r` : line)).join('\n')}\n`;
}

describe('ab-verdict analyze on a large JSON Lines file, read on several threads', () => {
  it('reports what reading it on one thread finds, with exact line numbers', async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} not found: run npm run build first`);
    const dir = tempFiles({ 'big.jsonl': bigJsonLines() });
    expect(statSync(join(dir, 'big.jsonl')).size).toBeGreaterThan(32 * MiB);

    const run = spawnSync(
      process.execPath,
      [CLI, 'analyze', 'big.jsonl', '--json', '--on-invalid', 'skip', '--experiment', 'exp'],
      { cwd: dir, encoding: 'utf8', maxBuffer: 64 * MiB },
    );
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.status).toBe(0);

    const single = await readSessions(['big.jsonl'], {
      onInvalid: 'skip',
      experiment: 'exp',
      cwd: dir,
      parallel: { threads: 1 },
    });
    expect(single.problems.length).toBeGreaterThan(20);
    expect(single.problems.length).toBeLessThanOrEqual(50);
    expect(single.table.duplicates.conflicting).toBeGreaterThan(20);
    const warnings = run.stderr.split('\n').filter((line) => line.startsWith('warning: big.jsonl'));
    expect(warnings).toEqual(
      single.problems.map((problem) => `warning: ${formatProblem(problem)}`),
    );
    const { input } = JSON.parse(run.stdout) as { input: Record<string, unknown> };
    expect(input).toMatchObject({
      recordsRead: single.recordsRead,
      skippedInvalid: single.skipped,
      otherExperiments: single.otherExperiments,
      duplicates: single.table.duplicates,
    });
  });
});
