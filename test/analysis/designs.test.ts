import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import type { MetricReport, Report } from '../../src/analysis/report-types.js';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../src/config/experiment-config.js';
import { ColumnarSessionTable } from '../../src/records/session-table.js';
import type { SessionRecord } from '../../src/records/types.js';
import { expectClose } from '../stats/expect-close.js';
import { loadReference } from '../stats/r-reference.js';

interface DesignCase {
  sessions: { variant: string; task: string; value: number }[];
  estimate: number;
  se: number;
  pValue: number;
  ci: [number, number];
}
const reference = loadReference<{
  paired: DesignCase & {
    df: number;
    correlation: number;
    sequential: { expectedSessions: number; ci: [number, number]; pValue: number };
  };
  clustered: DesignCase;
}>('../fixtures/r-analysis-designs.json');

function tableOf(records: SessionRecord[]): ColumnarSessionTable {
  const table = new ColumnarSessionTable();
  for (const record of records) table.add(record);
  return table;
}

/** Sessions whose completion time is the reference value; `completion_time_seconds` is the primary metric. */
function analyzeTimes(
  sessions: DesignCase['sessions'],
  config: Partial<ExperimentConfig> = {},
): Report {
  const table = tableOf(
    sessions.map((s, i) => ({
      session_id: `s${i}`,
      variant: s.variant,
      task_id: s.task,
      completion_time_seconds: s.value,
    })),
  );
  return analyze(
    table,
    { ...DEFAULT_CONFIG, primary: 'completion_time_seconds', ...config },
    { files: [], recordsRead: sessions.length, skippedInvalid: 0, otherExperiments: {} },
  );
}

function primary(report: Report): MetricReport {
  return report.metrics.find((m) => m.role === 'primary')!;
}

describe('paired by task (Miller eq. 7), against R', () => {
  const ref = reference.paired;

  it('compares per-task means with a paired t-test when both arms ran the same tasks', () => {
    const m = primary(analyzeTimes(ref.sessions));
    expect(m.design.kind).toBe('paired');
    expect(m.design.tasks).toBe(8);
    expect(m.test).toBe('pairedT');
    expectClose(m.difference.estimate!, ref.estimate, 'estimate');
    expectClose(m.difference.ci!, ref.ci, 'ci');
    expectClose(m.pValue!, ref.pValue, 'pValue');
    expectClose(m.design.correlation!, ref.correlation, 'correlation');
    expect(m.design.varianceSaved).toBeGreaterThan(0.5);
    expect(m.design.explanation).toMatch(/^Paired by task: both variants ran the same 8 tasks/);
  });

  it('keeps the classical unpaired tests in `tests`', () => {
    const m = primary(analyzeTimes(ref.sessions));
    expect(m.tests.welch).not.toBeNull();
    expect(m.tests.welch!.pValue).not.toBeCloseTo(m.pValue!, 3);
  });

  it('under sequential analysis, gives the always-valid interval and p-value of the mixture boundary', () => {
    const report = analyzeTimes(ref.sessions, {
      method: 'sequential',
      expectedSessions: ref.sequential.expectedSessions,
    });
    const m = primary(report);
    expect(m.method).toBe('sequential');
    expect(report.analysis).toMatchObject({ method: 'sequential', expectedSessions: 400 });
    expectClose(m.difference.ci!, ref.sequential.ci, 'sequential ci');
    expectClose(m.pValue!, ref.sequential.pValue, 'sequential p');
    // Wider than the fixed-horizon interval: the price of looking after every run.
    expect(m.difference.ci![1] - m.difference.ci![0]).toBeGreaterThan(ref.ci[1] - ref.ci[0]);
  });

  it('plans with the paired variance: fewer sessions than the unpaired comparison needs', () => {
    const paired = primary(analyzeTimes(ref.sessions));
    const unpaired = primary(
      analyzeTimes(ref.sessions.map((s, i) => ({ ...s, task: `${s.task}-${s.variant}-${i}` }))),
    );
    expect(unpaired.design.kind).toBe('independent');
    expect(paired.power.sessionsNeeded!).toBeLessThan(unpaired.power.sessionsNeeded!);
    // Miller eq. 9 by hand: (z.975 + z.8)² · Var(d) / δ² tasks, 3 sessions per task and arm.
    const se = reference.paired.se;
    const varianceOfDifferences = se * se * 8;
    const delta =
      0.1 * Math.abs(paired.design.kind === 'paired' ? controlTaskMean(ref.sessions) : NaN);
    const tasks =
      (1.959963984540054 + 0.8416212335729143) ** 2 * (varianceOfDifferences / delta ** 2);
    expect(paired.power.sessionsNeeded).toBe(Math.ceil(tasks * 3));
  });
});

describe('clustered by task (Miller eq. 4), against R', () => {
  const ref = reference.clustered;

  it('clusters standard errors by task when tasks repeat but are not shared', () => {
    const m = primary(analyzeTimes(ref.sessions));
    expect(m.design.kind).toBe('clustered');
    expect(m.test).toBe('clusteredZ');
    expectClose(m.difference.estimate!, ref.estimate, 'estimate');
    expectClose(m.difference.ci!, ref.ci, 'ci');
    expectClose(m.pValue!, ref.pValue, 'pValue');
    expect(m.design.designEffect).toBeGreaterThan(1);
    expect(m.design.explanation).toMatch(/^Clustered by task: tasks were run several times/);
  });
});

describe('breakdowns, capping and chance to beat', () => {
  const sessions = reference.clustered.sessions.map((s, i) => ({
    ...s,
    category: i % 2 === 0 ? 'bugfix' : 'docs',
  }));
  const table = tableOf(
    sessions.map((s, i) => ({
      session_id: `s${i}`,
      variant: s.variant,
      task_id: s.task,
      category: s.category,
      completion_time_seconds: s.value,
    })),
  );
  const facts = {
    files: [],
    recordsRead: sessions.length,
    skippedInvalid: 0,
    otherExperiments: {},
  };

  it('breaks the primary metric down by a field, Benjamini–Hochberg within the breakdown', () => {
    const report = analyze(
      table,
      { ...DEFAULT_CONFIG, primary: 'completion_time_seconds', segments: ['category'] },
      facts,
    );
    const [segment] = report.segments;
    expect(segment!.field).toBe('category');
    expect(segment!.groups.map((g) => g.value)).toEqual(['bugfix', 'docs']);
    const raw = segment!.groups.map((g) => g.pValue!);
    const adjusted = segment!.groups.map((g) => g.adjustedPValue!);
    // BH with two p-values: the larger stays, the smaller becomes min(2p, larger).
    const [small, large] = [Math.min(...raw), Math.max(...raw)];
    expect(adjusted).toContain(large);
    expect(adjusted).toContain(Math.min(2 * small, large));
    expect(segment!.groups.reduce((n, g) => n + g.sessions.control + g.sessions.treatment, 0)).toBe(
      48,
    );
  });

  it('breaks it down by any record field the table keeps, numbers as text', () => {
    const records = sessions.map((s, i) => ({
      session_id: `s${i}`,
      variant: s.variant,
      task_id: s.task,
      completion_time_seconds: s.value,
      model: i % 3 === 0 ? 'big' : 'small',
      ...(i % 4 === 0 ? { agent_version: 2 } : { agent_version: null }),
    }));
    const custom = new ColumnarSessionTable({ extraLabels: ['model', 'agent_version'] });
    for (const record of records) custom.add(record);
    const report = analyze(
      custom,
      {
        ...DEFAULT_CONFIG,
        primary: 'completion_time_seconds',
        segments: ['model', 'agent_version'],
      },
      facts,
    );
    const [model, version] = report.segments;
    expect(model!.field).toBe('model');
    expect(model!.correction).toBe('bh');
    expect(model!.groups.map((g) => g.value)).toEqual(['big', 'small']);
    const count = (value: string) => records.filter((r) => r.model === value).length;
    expect(model!.groups.map((g) => g.sessions.control + g.sessions.treatment)).toEqual([
      count('big'),
      count('small'),
    ]);
    const raw = model!.groups.map((g) => g.pValue!);
    const [small, large] = [Math.min(...raw), Math.max(...raw)];
    expect(model!.groups.map((g) => g.adjustedPValue)).toEqual(
      model!.groups.map((g) => (g.pValue === large ? large : Math.min(2 * small, large))),
    );
    // Only the sessions with a value are in a group; one group, so nothing to adjust.
    expect(version!.groups.map((g) => g.value)).toEqual(['2']);
    expect(version!.groups[0]!.sessions.control + version!.groups[0]!.sessions.treatment).toBe(12);
    expect(version!.groups[0]!.adjustedPValue).toBe(version!.groups[0]!.pValue);
  });

  it('says which breakdown field no session has', () => {
    const config = { ...DEFAULT_CONFIG, primary: 'completion_time_seconds' };
    expect(() => analyze(table, { ...config, segments: ['category', 'model'] }, facts)).toThrow(
      '--segments: no session has a field "model"',
    );
    const empty = new ColumnarSessionTable({ extraLabels: ['model'] });
    empty.add({ session_id: 'a', variant: 'cold', task_id: 't', model: { name: 'x' } });
    expect(() => analyze(empty, { ...config, segments: ['model'] }, facts)).toThrow(
      /no session has a field "model"/,
    );
  });

  it('caps at a percentile of both arms pooled, never per arm', () => {
    const report = analyze(
      table,
      { ...DEFAULT_CONFIG, primary: 'completion_time_seconds', capPercentile: 0.9 },
      facts,
    );
    const m = primary(report);
    const values = sessions.map((s) => s.value).sort((a, b) => a - b);
    // R's quantile type 7 at 0.9 of the 48 pooled values.
    const h = (values.length - 1) * 0.9;
    const cap =
      values[Math.floor(h)]! +
      (h - Math.floor(h)) * (values[Math.floor(h) + 1]! - values[Math.floor(h)]!);
    expect(m.capped).toEqual({ percentile: 0.9, cap, count: values.filter((v) => v > cap).length });
  });

  it('reports the chance to beat control for the primary metric only, when asked', () => {
    const report = analyze(
      table,
      { ...DEFAULT_CONFIG, primary: 'completion_time_seconds', chanceToBeat: true },
      facts,
    );
    const m = primary(report);
    // Lower is better and warm is slower here: the chance is Φ(−Δ/se), small.
    expect(m.chanceToBeat).toBeGreaterThan(0);
    expect(m.chanceToBeat).toBeLessThan(0.01);
    expect(
      report.metrics.filter((x) => x.role !== 'primary').every((x) => x.chanceToBeat === null),
    ).toBe(true);
  });
});

function controlTaskMean(sessions: DesignCase['sessions']): number {
  const byTask = new Map<string, number[]>();
  for (const s of sessions.filter((s) => s.variant === 'cold')) {
    byTask.set(s.task, [...(byTask.get(s.task) ?? []), s.value]);
  }
  const means = [...byTask.values()].map((v) => v.reduce((a, b) => a + b, 0) / v.length);
  return means.reduce((a, b) => a + b, 0) / means.length;
}
