import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import type { MetricReport, Report } from '../../src/analysis/report-types.js';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../src/config/experiment-config.js';
import { ColumnarSessionTable } from '../../src/records/session-table.js';
import type { SessionRecord } from '../../src/records/types.js';
import { expectClose } from '../stats/expect-close.js';
import { loadReference } from '../stats/r-reference.js';

interface Row {
  variant: string;
  task: string;
  value: number;
}
// Computed by scripts/reference/small-sample.R.
const R = loadReference<{
  clustered: { sessions: Row[]; estimate: number; variance: number; df: number }[];
  paired: {
    sessions: Row[];
    treatment: number;
    control: number;
    se: number;
    df: number;
    correlation: number;
    varianceSaved: number;
  }[];
}>('../fixtures/r-small-sample.json');

const FACTS = { files: [], recordsRead: 0, skippedInvalid: 0, otherExperiments: {} };

function tableOf(records: SessionRecord[]): ColumnarSessionTable {
  const table = new ColumnarSessionTable();
  for (const record of records) table.add(record);
  return table;
}

/** Sessions whose custom metric `value` (linear scale) is the reference value, as the primary metric. */
function analyzeValues(sessions: Row[], config: Partial<ExperimentConfig> = {}): Report {
  const table = tableOf(
    sessions.map((s, i) => ({
      session_id: `s${i}`,
      variant: s.variant,
      task_id: s.task,
      metrics: { value: s.value },
    })),
  );
  return analyze(table, { ...DEFAULT_CONFIG, primary: 'value', ...config }, FACTS);
}

function primary(report: Report): MetricReport {
  return report.metrics.find((m) => m.role === 'primary')!;
}

describe('paired by task, through analyze(), against R', () => {
  R.paired.forEach((reference, i) => {
    it(`case ${i + 1}: the weighted within-task difference and its standard error`, () => {
      const m = primary(analyzeValues(reference.sessions));
      expect(m.design.kind).toBe('paired');
      expectClose(m.difference.control!, reference.control, 'control');
      expectClose(m.difference.treatment!, reference.treatment, 'treatment');
      expectClose(m.difference.estimate!, reference.treatment - reference.control, 'estimate');
      expectClose(m.power.basis!.se, reference.se, 'se');
      // Small samples: the p-value comes from re-randomising within each task.
      expect(m.test).toBe('permutation');
      expect(m.inference.reference).toBe('permutation');
      const ci = m.difference.ci!;
      expect(ci[0] < 0 && 0 < ci[1]).toBe(m.pValue! >= 0.05);
    });
    it(`case ${i + 1}: how alike the arms' task means are, and the variance pairing saves`, () => {
      const { design } = primary(analyzeValues(reference.sessions));
      expectClose(design.correlation!, reference.correlation, 'correlation');
      expectClose(design.varianceSaved!, reference.varianceSaved, 'varianceSaved');
    });
  });
});

describe('clustered by task, through analyze(), against clubSandwich', () => {
  R.clustered.forEach((reference, i) => {
    it(`case ${i + 1}: the CR2 standard error`, () => {
      const m = primary(analyzeValues(reference.sessions));
      expect(m.design.kind).toBe('clustered');
      expectClose(m.difference.estimate!, reference.estimate, 'estimate');
      expectClose(m.power.basis!.se ** 2, reference.variance, 'variance');
      expect(m.design.designEffect).toBeGreaterThan(1);
    });
  });
});

describe('large samples', () => {
  it("use Welch's t beyond the permutation range, the same test as R's t.test", () => {
    const sessions: Row[] = Array.from({ length: 2400 }, (_, i) => ({
      variant: i % 2 === 0 ? 'cold' : 'warm',
      task: `t${i}`,
      value: ((i * 7919) % 101) + (i % 2 === 0 ? 0 : 3),
    }));
    const m = primary(analyzeValues(sessions));
    expect(m.design.kind).toBe('independent');
    expect(m.test).toBe('welch');
    expect(m.inference.reference).toBe('t');
    expectClose(m.pValue!, m.tests.welch!.pValue, 'pValue');
    expectClose(m.difference.ci!, m.tests.welch!.ci, 'ci');
  });
});

describe('breakdowns, capping and chance to beat', () => {
  const sessions = R.clustered[1]!.sessions.map((s, i) => ({
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
      sessions.length,
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
    expect(version!.groups[0]!.sessions.control + version!.groups[0]!.sessions.treatment).toBe(
      records.filter((r) => r.agent_version === 2).length,
    );
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
    // R's quantile type 7 at 0.9 of the pooled values.
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
    // Lower is better: the chance is Φ(−Δ/se), above ½ exactly when warm was faster.
    expect(m.chanceToBeat).toBeGreaterThan(0);
    expect(m.chanceToBeat).toBeLessThan(1);
    expect(m.chanceToBeat! > 0.5).toBe(m.difference.estimate! < 0);
    expect(
      report.metrics.filter((x) => x.role !== 'primary').every((x) => x.chanceToBeat === null),
    ).toBe(true);
  });
});
