import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import type { InfraFailure } from '../../src/run/run-session.js';
import {
  jsonLines,
  sessionsOf,
  tasks,
  tempDir,
  testAgent,
  testAgentCommand,
  writeExperiment,
} from './support/experiments.js';

function infraLog(out: string): InfraFailure[] {
  return jsonLines<InfraFailure>(join(out, 'infra-failures.log'));
}

/** The fail-once agent keeps its markers here, outside the session folders. */
function failOnceEnv(dir: string) {
  const markers = join(dir, 'markers');
  mkdirSync(markers);
  return { FAIL_ONCE_DIR: markers };
}

describe('an infrastructure failure is retried and counted apart', () => {
  it('retries an infrastructure exit code, and records the attempt apart from the session', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const file = writeExperiment(dir, {
      retries: 1,
      'infra-exit-codes': [75],
      tasks: tasks(2),
      variants: {
        cold: {
          command: testAgentCommand(['--fail-once', '75', '--result', '{}']),
          env: failOnceEnv(dir),
        },
        warm: { command: testAgentCommand(['--exit', '1']) },
      },
    });
    const ran = await runCli(['run', file, '--out', out]);
    expect(ran.status, ran.stderr).toBe(0);
    const records = sessionsOf(out);
    expect(records).toHaveLength(4);
    for (const record of records.filter((r) => r.variant === 'cold')) {
      expect(record.run).toMatchObject({ attempt: 2, exit_code: 0, infra_failure: false });
      expect(record.success).toBe(true);
    }
    // An agent failure is a finished session: counted, not retried.
    for (const record of records.filter((r) => r.variant === 'warm')) {
      expect(record.run).toMatchObject({ attempt: 1, exit_code: 1, infra_failure: false });
      expect(record.success).toBe(false);
    }
    const failures = infraLog(out);
    expect(failures).toHaveLength(2);
    for (const failure of failures) {
      expect(failure.variant).toBe('cold');
      expect(failure.run).toMatchObject({
        attempt: 1,
        exit_code: 75,
        infra_failure: true,
        reason: 'exit code 75',
      });
    }
    const report = JSON.parse(readFileSync(join(out, 'run-report.json'), 'utf8'));
    expect(report.sessions).toMatchObject({ scheduled: 4, finished: 4, lost: 0 });
  });

  it('exits 1 listing the sessions lost after every retry, and flags attrition that differs', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const file = writeExperiment(dir, {
      retries: 2,
      'infra-exit-codes': [75],
      tasks: tasks(5),
      variants: testAgent(['--result', '{"success":true}'], ['--exit', '75']),
    });
    const ran = await runCli(['run', file, '--out', out]);
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain('5 sessions were lost to infrastructure failures');
    expect(ran.stderr).toContain('test:1:t3:warm:1 (3 attempts): exit code 75');
    expect(sessionsOf(out).map((r) => r.variant)).toEqual(Array(5).fill('cold'));
    expect(infraLog(out)).toHaveLength(15);
    const report = JSON.parse(readFileSync(join(out, 'run-report.json'), 'utf8'));
    expect(report.attrition.control).toEqual({
      variant: 'cold',
      scheduled: 5,
      finished: 5,
      lost: 0,
    });
    expect(report.attrition.treatment).toEqual({
      variant: 'warm',
      scheduled: 5,
      finished: 0,
      lost: 5,
    });
    expect(report.attrition.differs).toBe(true);
    expect(report.attrition.pValue).toBeCloseTo(0.007937, 5); // fisher.test(matrix(c(0,5,5,0),2))
    expect(ran.stdout).toContain('Attrition: cold lost 0 of 5, warm lost 5 of 5.');
    expect(ran.stdout).toContain('Warning: attrition differs between the arms');
  });

  it('counts a command that cannot start as an infrastructure failure', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const file = writeExperiment(dir, {
      tasks: tasks(1),
      variants: { cold: { command: ['./no-such-agent'] }, warm: { command: ['./no-such-agent'] } },
    });
    const ran = await runCli(['run', file, '--out', out]);
    expect(ran.status).toBe(1);
    expect(ran.stderr).toMatch(/cannot start .*no-such-agent: ENOENT/);
    expect(infraLog(out).every((f) => f.run.infra_failure && f.run.exit_code === null)).toBe(true);
  });

  it('exits 2 on usage errors', async () => {
    const dir = tempDir();
    const file = writeExperiment(dir, { tasks: tasks(1), variants: testAgent(['--exit', '0']) });
    expect((await runCli(['run', file])).status).toBe(2);
    expect((await runCli(['run', file, '--out', dir, '--shard', '4/3'])).status).toBe(2);
    expect(
      (await runCli(['run', file, '--out', dir, '--shard', '1/2', '--until-decided'])).status,
    ).toBe(2);
    expect((await runCli(['run', join(dir, 'missing.yml'), '--out', dir])).status).toBe(2);
  });
});
