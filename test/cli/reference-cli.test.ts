import { describe, expect, it } from 'vitest';
import type { MetricReport, Report } from '../../src/analysis/report-types.js';
import { expectClose } from '../stats/expect-close.js';
import { sharedReference } from '../stats/r-reference.js';
import { jsonl, runCli, tempFiles } from '../support/run-cli.js';

const reference = sharedReference();

/** Sessions whose custom metric `value` carries the reference vectors, one task per session. */
function valueSessions(control: number[], treatment: number[]): object[] {
  const arm = (variant: string, values: number[]) =>
    values.map((value, i) => ({
      session_id: `${variant}-${i}`,
      variant,
      task_id: `task-${variant}-${i}`,
      metrics: { value },
    }));
  return [...arm('cold', control), ...arm('warm', treatment)];
}

async function analyzeJson(records: object[], extraArgs: string[] = []): Promise<Report> {
  const dir = tempFiles({ 'sessions.jsonl': jsonl(records) });
  const result = await runCli(['analyze', 'sessions.jsonl', '--json', ...extraArgs], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Report;
}

function metric(report: Report, name: string): MetricReport {
  const found = report.metrics.find((m) => m.name === name);
  expect(found, `metric ${name} in the report`).toBeDefined();
  return found!;
}

describe('analyze --json reproduces R on the reference vectors', () => {
  it.each(
    reference.continuous.map((c) => [`${c.shape} ${c.control.length}×${c.treatment.length}`, c]),
  )('continuous %s: Welch and Mann–Whitney', async (_, c) => {
    const report = await analyzeJson(valueSessions(c.control, c.treatment), [
      '--metrics',
      '{"value": {"kind": "continuous"}}',
    ]);
    const m = metric(report, 'value');
    const welch = m.tests.welch!;
    expectClose(welch.statistic, c.welch.statistic, 'welch.statistic');
    expectClose(welch.df, c.welch.df, 'welch.df');
    expectClose(welch.pValue, c.welch.pValue, 'welch.pValue');
    expectClose(welch.ci, c.welch.ci, 'welch.ci');
    expectClose(m.difference.estimate!, c.welch.difference, 'difference.estimate');
    // The verdict's own test is the permutation of Welch's t for small samples (Welch's t beyond):
    // its interval and p-value agree with each other.
    expect(['permutation', 'welch']).toContain(m.test);
    const ci = m.difference.ci;
    if (ci === null) {
      // Arms of 2 or 3 values: no re-randomisation can reach 0.05, so no interval excludes 0.
      expect(m.inference.smallestPValue!).toBeGreaterThanOrEqual(0.05);
      expect(report.recommendation.verdict).toBe('insufficient-data');
    } else {
      expect(ci[0] <= 0 && 0 <= ci[1]).toBe(m.pValue! >= 0.05);
    }
    const mw = m.tests.mannWhitney!;
    expectClose(mw.u, c.mannWhitney.u, 'mannWhitney.u');
    expectClose(mw.pValue, c.mannWhitney.pValue, 'mannWhitney.pValue');
    expect(mw.method).toBe(c.mannWhitney.method);
  });

  it.each(
    reference.binary.map((b) => [
      `${b.control.successes}/${b.control.n} vs ${b.treatment.successes}/${b.treatment.n}`,
      b,
    ]),
  )('binary %s: Fisher, Wilson and Newcombe', async (_, b) => {
    const arm = (variant: string, { successes, n }: { successes: number; n: number }) =>
      Array.from({ length: n }, (_, i) => ({
        session_id: `${variant}-${i}`,
        variant,
        task_id: `t-${variant}-${i}`,
        success: i < successes,
      }));
    const report = await analyzeJson([...arm('cold', b.control), ...arm('warm', b.treatment)]);
    const m = metric(report, 'success');
    expectClose(m.tests.fisher!.pValue, b.fisher.pValue, 'fisher');
    expectClose(m.control.ci!, b.wilson.control, 'wilson control');
    expectClose(m.treatment.ci!, b.wilson.treatment, 'wilson treatment');
    expectClose(m.difference.estimate!, b.newcombe.difference, 'difference estimate');
    expectClose(m.tests.newcombe!.ci, b.newcombe.ci, 'newcombe ci');
    // The verdict's own test: exact unconditional for small arms, Miettinen–Nurminen beyond.
    const total = b.control.n + b.treatment.n;
    expect(m.test).toBe(total <= 80 ? 'exactUnconditional' : 'scoreMN');
    const ci = m.difference.ci!;
    expect(ci[0] <= 0 && 0 <= ci[1]).toBe(m.pValue! >= 0.05);
  });

  it.each(reference.srm.map((s) => [`${s.counts.join('/')} against ${s.weights.join('/')}`, s]))(
    'sample ratio %s',
    async (_, s) => {
      const sessions = s.counts.flatMap((count, arm) =>
        Array.from({ length: count }, (_, i) => ({
          session_id: `${arm}-${i}`,
          variant: arm === 0 ? 'cold' : 'warm',
          task_id: `t${i}`,
        })),
      );
      const report = await analyzeJson(sessions, ['--expected-split', s.weights.join(',')]);
      expectClose(report.srm.statistic!, s.statistic, 'srm.statistic');
      expectClose(report.srm.pValue!, s.pValue, 'srm.pValue');
      expect(report.srm.mismatch).toBe(s.pValue < 0.001);
    },
  );
});
