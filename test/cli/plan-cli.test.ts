import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempFiles } from '../support/run-cli.js';

interface Plan {
  rows: { relative: number; absolute: number; fixedHorizon: number; sequential: number }[];
}

const Z = 1.959963984540054 + 0.8416212335729143; // z(0.975) + z(0.8)

async function planJson(args: string[]): Promise<Plan> {
  const result = await runCli(['plan', ...args, '--json']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Plan;
}

describe('ab-verdict plan', () => {
  it("reproduces Miller's worked example: Var(d) = 1/9, δ = 0.03 needs 969", async () => {
    // Two arms with sd √(1/18) each: the variance of a difference is 1/9.
    const plan = await planJson([
      '--baseline-mean',
      '1',
      '--baseline-sd',
      String(Math.sqrt(1 / 18)),
      '--effects',
      '3%',
    ]);
    expect(plan.rows[0]!.fixedHorizon).toBe(969);
  });

  it('plans a per-call rate with the binomial variance per session', async () => {
    const plan = await planJson([
      '--baseline-rate',
      '12%',
      '--calls-per-session',
      '30',
      '--effects',
      '10%,20%',
    ]);
    const variance = (0.12 * 0.88) / 30;
    expect(plan.rows.map((r) => r.fixedHorizon)).toEqual(
      [0.012, 0.024].map((delta) => Math.ceil((Z * Z * 2 * variance) / delta ** 2)),
    );
    // Looking after every run costs more sessions than looking once.
    for (const row of plan.rows) expect(row.sequential).toBeGreaterThan(row.fixedHorizon);
  });

  it('plans from a pilot with its paired variance, fewer sessions than the same pilot unpaired', async () => {
    const pilot = join(REPO, 'examples/warm-vs-cold');
    const result = await runCli(['plan', pilot, '--effects', '20%']);
    expect(result.stdout).toMatch(/pilot: 60 \+ 60 sessions, paired/);
    // The same sessions with the warm arm's tasks renamed: the arms share no task, so the tasks are
    // compared as clusters and the differences between tasks stay in the noise.
    const unpairedFiles = tempFiles({
      'sessions.jsonl': ['cold', 'warm']
        .flatMap((arm) =>
          readFileSync(join(pilot, `${arm}.jsonl`), 'utf8')
            .trim()
            .split('\n'),
        )
        .map((line) => {
          const record = JSON.parse(line) as { variant: string; task_id: string };
          const task = record.variant === 'warm' ? `${record.task_id}-warm` : record.task_id;
          return JSON.stringify({ ...record, task_id: task });
        })
        .join('\n'),
    });
    const paired = await planJson([pilot, '--effects', '20%']);
    const unpaired = await planJson([join(unpairedFiles, 'sessions.jsonl'), '--effects', '20%']);
    expect(paired.rows[0]!.fixedHorizon).toBeLessThan(unpaired.rows[0]!.fixedHorizon);
  });

  it.each([
    [['--baseline-rate', '2'], /--baseline-rate: expected a number between 0 and 1/],
    [['--baseline-mean', '5'], /--baseline-mean and --baseline-sd go together/],
    [[], /expected one basis/],
    [
      ['--baseline-rate', '0.1', '--effects', 'big'],
      /--effects: expected a number above 0, got "big"/,
    ],
  ])('rejects %j with exit code 2', async (args, message) => {
    const result = await runCli(['plan', ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
