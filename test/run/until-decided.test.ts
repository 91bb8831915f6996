import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  runInProcess,
  sessionsOf,
  tasks,
  tempDir,
  testAgent,
  writeExperiment,
} from './support/experiments.js';

/** Sessions a round: each of the 4 tasks once per variant. */
const ROUND = 8;

/**
 * 4 tasks × 5 repetitions of the test agent's tool errors, the warm variant making 2 fewer of
 * them (a large effect) or as many: the same sessions, looks and verdicts every run.
 */
async function runUntilDecided(effect: boolean, firstRunAll = false) {
  const dir = tempDir();
  const out = join(dir, 'out');
  const file = writeExperiment(dir, {
    seed: 7,
    repetitions: 5,
    concurrency: ROUND,
    tasks: tasks(ROUND / 2),
    variants: testAgent(['--tool-errors', '0'], ['--tool-errors', effect ? '2' : '0']),
  });
  if (firstRunAll) expect((await runInProcess([file, '--out', out])).code).toBe(0);
  const ran = await runInProcess([file, '--out', out, '--until-decided']);
  const report = JSON.parse(readFileSync(join(out, 'run-report.json'), 'utf8'));
  return { ran, report, sessions: sessionsOf(out) };
}

/** The run with the large effect, made once for the tests that look at it. */
let decidedRun: ReturnType<typeof runUntilDecided> | undefined;
const decided = () => (decidedRun ??= runUntilDecided(true));

describe('--until-decided stops early on a large effect and runs to the maximum on none', () => {
  it('stops after the round whose sequential verdict decides', async () => {
    const { ran, report, sessions } = await decided();
    expect(ran.code, ran.stderr).toBe(0);
    expect(report.stop).toMatchObject({ reason: 'decided', verdict: 'adopt', rounds: 5 });
    expect(report.stop.round).toBeLessThan(5);
    expect(report.stop.round).toBeGreaterThan(1);
    // One look a round, at the sessions so far; only the rounds run were run.
    expect(report.looks).toEqual(
      Array.from({ length: report.stop.round }, (_, i) => ROUND * (i + 1)),
    );
    expect(sessions).toHaveLength(ROUND * report.stop.round);
    expect(ran.stdout).toContain(
      `Stopped after round ${report.stop.round} of 5 (${sessions.length} sessions): the sequential analysis decided adopt.`,
    );
    expect(ran.stdout).toContain('Sequential analysis');
    expect(ran.stdout).toMatch(/ADOPT warm/);
  });

  it('looks round by round at sessions an earlier run finished, as if it ran them', async () => {
    const resumed = await runUntilDecided(true, true);
    const { report } = await decided();
    expect(resumed.report.stop).toEqual(report.stop);
    expect(resumed.report.looks).toEqual(report.looks);
    const looked = report.looks.at(-1);
    expect(resumed.report.sessions).toMatchObject({ scheduled: looked, resumed: looked });
    expect(resumed.sessions).toHaveLength(5 * ROUND);
  });

  it('runs every round when the variants do not differ', async () => {
    const { ran, report, sessions } = await runUntilDecided(false);
    expect(ran.code, ran.stderr).toBe(0);
    expect(report.stop).toMatchObject({ reason: 'maximum', round: 5, rounds: 5 });
    expect(report.stop.verdict).not.toMatch(/^(adopt|reject)$/);
    expect(report.looks).toEqual([8, 16, 24, 32, 40]);
    expect(sessions).toHaveLength(40);
    expect(ran.stdout).toContain('Ran all 5 rounds (40 sessions) without a decision');
  });
});
