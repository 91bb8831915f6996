import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  exampleVariants,
  runInProcess,
  sessionsOf,
  tasks,
  tempDir,
  writeExperiment,
} from './support/experiments.js';

/** The example's 8 tasks × 5 repetitions, with or without the warm variant's effect. */
async function runUntilDecided(effect: boolean, firstRunAll = false) {
  const dir = tempDir();
  const out = join(dir, 'out');
  const file = writeExperiment(dir, {
    seed: 7,
    repetitions: 5,
    concurrency: 8,
    tasks: tasks(8),
    variants: exampleVariants(effect),
  });
  if (firstRunAll) expect((await runInProcess([file, '--out', out])).code).toBe(0);
  const ran = await runInProcess([file, '--out', out, '--until-decided']);
  const report = JSON.parse(readFileSync(join(out, 'run-report.json'), 'utf8'));
  return { ran, report, sessions: sessionsOf(out) };
}

describe('--until-decided stops early on a large effect and runs to the maximum on none', () => {
  it('stops after the round whose sequential verdict decides', async () => {
    const { ran, report, sessions } = await runUntilDecided(true);
    expect(ran.code, ran.stderr).toBe(0);
    expect(report.stop).toMatchObject({ reason: 'decided', verdict: 'adopt', rounds: 5 });
    expect(report.stop.round).toBeLessThan(5);
    // One look a round, at the sessions so far; only the rounds run were run.
    expect(report.looks).toEqual(Array.from({ length: report.stop.round }, (_, i) => 16 * (i + 1)));
    expect(sessions).toHaveLength(16 * report.stop.round);
    expect(ran.stdout).toContain(
      `Stopped after round ${report.stop.round} of 5 (${sessions.length} sessions): the sequential analysis decided adopt.`,
    );
    expect(ran.stdout).toContain('Sequential analysis');
    expect(ran.stdout).toMatch(/ADOPT warm/);
  });

  it('looks round by round at sessions an earlier run finished, as if it ran them', async () => {
    const decided = await runUntilDecided(true);
    const resumed = await runUntilDecided(true, true);
    expect(resumed.report.stop).toEqual(decided.report.stop);
    expect(resumed.report.looks).toEqual(decided.report.looks);
    const looked = decided.report.looks.at(-1);
    expect(resumed.report.sessions).toMatchObject({ scheduled: looked, resumed: looked });
    expect(resumed.sessions).toHaveLength(80);
  });

  it('runs every round when the variants do not differ', async () => {
    const { ran, report, sessions } = await runUntilDecided(false);
    expect(ran.code, ran.stderr).toBe(0);
    expect(report.stop).toMatchObject({ reason: 'maximum', round: 5, rounds: 5 });
    expect(report.stop.verdict).not.toMatch(/^(adopt|reject)$/);
    expect(report.looks).toEqual([16, 32, 48, 64, 80]);
    expect(sessions).toHaveLength(80);
    expect(ran.stdout).toContain('Ran all 5 rounds (80 sessions) without a decision');
  });
});
