/**
 * The concrete cases of issue 8, each built from records and analysed by `analyze()`, each with
 * the answer a statistician would sign.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { formatNumber, formatPercent } from '../../src/analysis/format-number.js';
import type { MetricReport, Report } from '../../src/analysis/report-types.js';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../src/config/experiment-config.js';
import { ColumnarSessionTable } from '../../src/records/session-table.js';
import type { SessionRecord } from '../../src/records/types.js';
import { seededRandom } from '../stats/random.js';

const FACTS = { files: [], recordsRead: 0, skippedInvalid: 0, otherExperiments: {} };

/** A session record before it gets its id. */
type Draft = Partial<SessionRecord> & { variant: string; task_id: string };

function run(
  records: Draft[],
  config: Partial<ExperimentConfig> = {},
  priorLooks: number[] = [],
): Report {
  const table = new ColumnarSessionTable();
  records.forEach((record, i) => table.add({ ...record, session_id: `s${i}` } as SessionRecord));
  return analyze(table, { ...DEFAULT_CONFIG, ...config }, FACTS, { priorLooks });
}

function metric(report: Report, name: string): MetricReport {
  return report.metrics.find((m) => m.name === name)!;
}

/** Independent sessions (a task each) of one arm. */
function arm(
  variant: 'cold' | 'warm',
  count: number,
  fields: (i: number) => Partial<SessionRecord>,
): Draft[] {
  return Array.from({ length: count }, (_, i) => ({
    variant,
    task_id: `${variant}-task-${i}`,
    ...fields(i),
  }));
}

const onlyPrimary = (primary: string, keep: string[] = []): Partial<ExperimentConfig> => ({
  primary,
  metrics: Object.fromEntries(
    ['tool_error_rate', 'success', 'completion_time_seconds', 'message_count', 'user_corrections']
      .filter((name) => name !== primary && !keep.includes(name))
      .map((name) => [name, { enabled: false }]),
  ),
});

describe('guardrail diluted', () => {
  // Primary 45% better; completion time a third worse; then four custom metrics of pure noise.
  const random = seededRandom(8);
  const records = (noise: boolean) => {
    const session = (variant: 'cold' | 'warm', i: number): Partial<SessionRecord> => ({
      tool_calls: 20,
      successful_tool_calls: 20 - random.binomial(20, variant === 'cold' ? 0.1 : 0.055),
      completion_time_seconds: random.logNormal(
        Math.log(300) + (variant === 'warm' ? 0.34 : 0),
        0.45,
      ),
      ...(noise
        ? { metrics: { a: random.normal(), b: random.normal(), c: random.normal(), d: i % 3 } }
        : {}),
    });
    return [
      ...arm('cold', 40, (i) => session('cold', i)),
      ...arm('warm', 40, (i) => session('warm', i)),
    ];
  };
  const config = onlyPrimary('tool_error_rate', ['completion_time_seconds']);

  it("keeps the guardrail's protection whatever other metrics are logged", () => {
    const sessions = records(true);
    const plain = run(
      sessions.map(({ metrics: _noise, ...session }) => session),
      config,
    );
    const noisy = run(sessions, config);
    for (const report of [plain, noisy]) {
      expect(metric(report, 'tool_error_rate').direction).toBe('better');
      expect(metric(report, 'completion_time_seconds').direction).toBe('worse');
      expect(report.recommendation.verdict).toBe('reject');
    }
    expect(noisy.metrics.length).toBe(plain.metrics.length + 4);
    // The guardrails are their own family: secondaries never dilute them.
    expect(metric(noisy, 'completion_time_seconds').adjustedPValue).toBe(
      metric(plain, 'completion_time_seconds').adjustedPValue,
    );
  });
});

describe('absence of evidence read as safety', () => {
  // 8 vs 8 sessions: far fewer tool errors, completion time 43% longer with a wide interval.
  const random = seededRandom(21);
  const records = [
    ...arm('cold', 8, () => ({
      tool_calls: 30,
      successful_tool_calls: 30 - random.binomial(30, 0.15),
      completion_time_seconds: random.logNormal(Math.log(400), 0.9),
    })),
    ...arm('warm', 8, () => ({
      tool_calls: 30,
      successful_tool_calls: 30 - random.binomial(30, 0.05),
      completion_time_seconds: random.logNormal(Math.log(400 * 1.43), 0.9),
    })),
  ];
  const config = onlyPrimary('tool_error_rate', ['completion_time_seconds']);

  it('adopts, and says the guardrail is not shown within its margin', () => {
    const report = run(records, config);
    const guardrail = metric(report, 'completion_time_seconds');
    expect(guardrail.direction).toBe('none');
    expect(guardrail.guardrail!.status).toBe('unproven');
    expect(report.recommendation.verdict).toBe('adopt');
    expect(report.recommendation.unprovenGuardrails).toEqual(['completion_time_seconds']);
    expect(report.recommendation.reason).toMatch(
      /not shown within its margin: completion_time_seconds \(its interval reaches \+\d+%, margin \+10%\)/,
    );
  });

  it('does not adopt under the non-inferiority policy', () => {
    const report = run(records, { ...config, guardrailPolicy: 'non-inferiority' });
    expect(report.recommendation.verdict).toBe('inconclusive');
    expect(report.recommendation.reason).toContain('guardrail policy non-inferiority');
  });
});

describe('mark, p and interval disagree', () => {
  it('success 2/10 vs 7/10: one test gives the p-value, the interval and the mark', () => {
    const report = run(
      [
        ...arm('cold', 10, (i) => ({ success: i < 2 })),
        ...arm('warm', 10, (i) => ({ success: i < 7 })),
      ],
      onlyPrimary('success'),
    );
    const m = metric(report, 'success');
    expect(m.test).toBe('exactUnconditional');
    expect(m.pValue!).toBeCloseTo(0.04139, 4); // R: scripts/reference/small-sample.R
    expect(m.difference.ci![0]).toBeGreaterThan(0);
    expect(m.relative.ci![0]).toBeGreaterThan(0);
    expect(m.direction).toBe('better');
    expect(report.recommendation.verdict).toBe('adopt');
  });
});

describe('sparse ratio', () => {
  it('4 of 200 failed calls vs 0 of 200: no verdict from four events, and no interval of zero width', () => {
    const report = run(
      [
        ...arm('cold', 20, (i) => ({ tool_calls: 10, successful_tool_calls: i < 4 ? 9 : 10 })),
        ...arm('warm', 20, () => ({ tool_calls: 10, successful_tool_calls: 10 })),
      ],
      onlyPrimary('tool_error_rate'),
    );
    const m = metric(report, 'tool_error_rate');
    // Four failing sessions of 40: the most extreme split has p ≈ 2·C(20,4)/C(40,4) = 0.106.
    expect(m.pValue!).toBeGreaterThan(0.1);
    expect(m.inference.smallestPValue!).toBeGreaterThan(0.1);
    expect(report.recommendation.verdict).toBe('insufficient-data');
    expect(report.recommendation.reason).toContain(
      'the smallest p-value their values allow is 0.1',
    );
    expect(m.treatment.ci![1]).toBeGreaterThan(0); // no events is not a rate known to be 0
    // No interval can exclude anything at 0.05 with these data: none is shown, and the note says why.
    expect(m.relative.ci).toBeNull();
    expect(m.difference.ci).toBeNull();
    expect(m.notes.join(' ')).toMatch(/smallest possible is 0\.1/);
  });
});

describe('relative interval contradicts the test', () => {
  it('4 vs 4 times: the relative interval holds 0 exactly when the test does not reject, and stays above −100%', () => {
    const report = run(
      [
        ...arm('cold', 4, (i) => ({ completion_time_seconds: [3000, 500, 800, 4000][i] })),
        ...arm('warm', 4, (i) => ({ completion_time_seconds: [200, 400, 900, 2600][i] })),
      ],
      onlyPrimary('completion_time_seconds'),
    );
    const m = metric(report, 'completion_time_seconds');
    const holdsZero = (ci: [number, number]) => ci[0] <= 0 && 0 <= ci[1];
    expect(holdsZero(m.relative.ci!)).toBe(m.pValue! >= 0.05);
    expect(holdsZero(m.difference.ci!)).toBe(m.pValue! >= 0.05);
    expect(m.relative.ci![0]).toBeGreaterThan(-1);
  });

  it('30/30 vs 30/30 successes: intervals of non-zero width', () => {
    const report = run(
      [
        ...arm('cold', 30, () => ({ success: true })),
        ...arm('warm', 30, () => ({ success: true })),
      ],
      onlyPrimary('success'),
    );
    const m = metric(report, 'success');
    expect(m.difference.ci![1] - m.difference.ci![0]).toBeGreaterThan(0.1);
    expect(m.relative.ci![1] - m.relative.ci![0]).toBeGreaterThan(0.1);
    expect(m.pValue).toBe(1);
  });
});

describe('sequential silently fixed-horizon', () => {
  it('success 0/4 vs 4/4 with method sequential: held to the first look’s boundary, not to a fixed-horizon p', () => {
    const report = run(
      [...arm('cold', 4, () => ({ success: false })), ...arm('warm', 4, () => ({ success: true }))],
      { ...onlyPrimary('success'), method: 'sequential' },
    );
    const m = metric(report, 'success');
    expect(m.inference.nominalPValue!).toBeCloseTo(0.0078125, 9); // exact unconditional, (1/2)^8·2
    expect(m.inference.nominalAlpha).toBeLessThan(1e-6); // 8 of 400 planned sessions
    expect(m.pValue!).toBeGreaterThan(0.05); // the repeated p-value
    expect(report.recommendation.verdict).not.toBe('adopt');
    expect(report.analysis.sequential).toMatchObject({ look: 1, final: false });
  });

  it('decides at the planned size, with the looks before it', () => {
    const records = [
      ...arm('cold', 40, (i) => ({ success: i < 8 })),
      ...arm('warm', 40, (i) => ({ success: i < 30 })),
    ];
    const report = run(
      records,
      { ...onlyPrimary('success'), method: 'sequential', expectedSessions: 80 },
      [20, 40, 60],
    );
    expect(report.analysis.sequential).toMatchObject({ look: 4, final: true });
    expect(report.analysis.sequential!.nominalAlpha).toBeLessThan(0.05);
    expect(report.analysis.sequential!.nominalAlpha).toBeGreaterThan(0.03);
    expect(report.recommendation.verdict).toBe('adopt');
  });
});

describe('consistent improvement read as none', () => {
  const paired = (value: (task: number) => number) =>
    Array.from({ length: 8 }, (_, task) => [
      { variant: 'cold', task_id: `t${task}`, metrics: { value: value(task) } },
      { variant: 'warm', task_id: `t${task}`, metrics: { value: value(task) - 10 } },
    ]).flat();

  it('paired, every one of 8 task differences exactly −10: the sign-flip test, p = 2/256', () => {
    const report = run(
      paired((task) => 100.5 + 13 * task),
      { primary: 'value' },
    );
    const m = metric(report, 'value');
    expect(m.design.kind).toBe('paired');
    expect(m.pValue!).toBeCloseTo(2 / 256, 12);
    expect(m.difference.estimate).toBe(-10);
    expect(m.difference.ci).toEqual([-10, -10]); // the data are constant: every task says −10
    expect(report.recommendation.verdict).toBe('adopt');
  });

  it('the same with counts: their Poisson noise widens the interval, the verdict stands', () => {
    const report = run(
      paired((task) => 100 + 13 * task),
      { primary: 'value' },
    );
    const m = metric(report, 'value');
    expect(m.kind).toBe('count');
    expect(m.pValue!).toBeCloseTo(2 / 256, 12);
    const [low, high] = m.difference.ci!;
    expect(low).toBeLessThan(-10);
    expect(high).toBeGreaterThan(-10);
    expect(high).toBeLessThan(0);
    expect(report.recommendation.verdict).toBe('adopt');
  });
});

describe('wrong messages', () => {
  it('zero variance is not "too few sessions"', () => {
    const report = run(
      [
        ...arm('cold', 12, () => ({ metrics: { value: 5 } })),
        ...arm('warm', 15, () => ({ metrics: { value: 5 } })),
      ],
      { primary: 'value' },
    );
    expect(report.recommendation.reason).not.toMatch(/Need|sessions per arm/);
    expect(report.recommendation.reason).toContain(
      'every session of both arms has the same value (5)',
    );
    expect(report.recommendation.sessionsNeeded).toBeNull();
    expect(report.recommendation.verdict).toBe('insufficient-data');
  });

  it('0/1000 vs 0/1000 failed calls can be no-difference (an absolute margin when the control is 0)', () => {
    const none = () => ({ tool_calls: 10, successful_tool_calls: 10 });
    const report = run(
      [...arm('cold', 100, none), ...arm('warm', 100, none)],
      onlyPrimary('tool_error_rate'),
    );
    expect(report.recommendation.verdict).toBe('no-difference');
    expect(report.recommendation.reason).toContain('±0.01');
    const m = metric(report, 'tool_error_rate');
    // Each arm's rate is below 3.69 errors per 1000 calls (exact Poisson, 97.5%).
    expect(m.difference.ci![1]).toBeCloseTo(-Math.log(0.025) / 1000, 12);
  });

  it('values near 1e154 are compared, not turned into a test with no p-value', () => {
    const report = run(
      [
        ...arm('cold', 10, (i) => ({ metrics: { value: (1 + i) * 1e154 } })),
        ...arm('warm', 10, (i) => ({ metrics: { value: (15 + i) * 1e154 } })),
      ],
      { primary: 'value' },
    );
    const m = metric(report, 'value');
    expect(Number.isFinite(m.tests.welch!.statistic)).toBe(true);
    expect(m.tests.welch!.pValue).toBeLessThan(1e-6);
    expect(m.pValue!).toBeLessThan(0.001);
    expect(m.difference.estimate! / 1e154).toBeCloseTo(14, 9);
    expect(report.recommendation.verdict).toBe('reject'); // custom metrics: lower is better
  });
});

describe('headline arithmetic', () => {
  it('shows the numbers its percentage is computed from', () => {
    const records = ['cold', 'warm'].flatMap((variant) =>
      readFileSync(new URL(`../../examples/warm-vs-cold/${variant}.jsonl`, import.meta.url), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as SessionRecord),
    );
    const table = new ColumnarSessionTable();
    for (const record of records) table.add(record);
    const report = analyze(table, DEFAULT_CONFIG, FACTS);
    const m = metric(report, 'tool_error_rate');
    const { control, treatment } = m.difference;
    expect(m.relative.estimate!).toBeCloseTo(treatment! / control! - 1, 12);
    expect(report.recommendation.reason).toContain(
      `${formatPercent(Math.abs(m.relative.estimate!), false)} (task-weighted ${formatNumber(control)} → ${formatNumber(treatment)}`,
    );
  });
});
