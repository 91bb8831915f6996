import { describe, expect, it } from 'vitest';
import { decide } from '../../src/analysis/decide.js';
import { applyFamilies } from '../../src/analysis/family.js';
import type { MetricDefinition } from '../../src/analysis/metric-definitions.js';
import type { MetricReport } from '../../src/analysis/report-types.js';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../src/config/experiment-config.js';

/** A metric report with the fields the policy reads; the rest are neutral. */
function metric(
  overrides: Partial<MetricReport> & Pick<MetricReport, 'name' | 'role'>,
): MetricReport {
  return {
    kind: 'continuous',
    better: 'lower',
    control: { n: 40, mean: 0.1, sd: 0.05, median: 0.1, ci: [0.09, 0.11] },
    treatment: { n: 40, mean: 0.1, sd: 0.05, median: 0.1, ci: [0.09, 0.11] },
    difference: { estimate: 0, ci: [-0.05, 0.05], level: 0.95, control: 0.1, treatment: 0.1 },
    relative: { estimate: 0, ci: [-0.5, 0.5] },
    scale: 'linear',
    method: 'fixed-horizon',
    design: {
      kind: 'independent',
      explanation: '',
      tasks: null,
      correlation: null,
      varianceSaved: null,
      designEffect: null,
    },
    test: 'welch',
    pValue: 0.5,
    adjustedPValue: null,
    significant: false,
    direction: 'none',
    tests: { welch: null, mannWhitney: null, fisher: null, newcombe: null, deltaMethod: null },
    inference: {
      reference: 't',
      permutations: null,
      exact: false,
      smallestPValue: null,
      nominalAlpha: 0.05,
      nominalPValue: 0.5,
    },
    guardrail: null,
    power: { sessionsNeeded: 340, minimumDetectableEffect: null, basis: null },
    chanceToBeat: null,
    capped: null,
    notes: [],
    ...overrides,
  };
}

const better = {
  difference: {
    estimate: -0.04,
    ci: [-0.06, -0.02] as [number, number],
    level: 0.95,
    control: 0.1,
    treatment: 0.06,
  },
  relative: { estimate: -0.4, ci: [-0.6, -0.2] as [number, number] },
  pValue: 0.001,
};
const worse = (p: number) => ({
  difference: {
    estimate: 0.04,
    ci: [0.01, 0.07] as [number, number],
    level: 0.95,
    control: 0.1,
    treatment: 0.14,
  },
  relative: { estimate: 0.4, ci: [0.1, 0.7] as [number, number] },
  pValue: p,
});

function definitionOf(m: MetricReport): MetricDefinition {
  return {
    name: m.name,
    kind: m.kind,
    better: m.better,
    role: m.role,
    source: { type: 'column', column: m.name },
    scale: m.scale,
  };
}

/** The families, then the verdict. */
function verdict(metrics: MetricReport[], config: Partial<ExperimentConfig> = {}) {
  const settings = { ...DEFAULT_CONFIG, ...config };
  const definitions = metrics.map(definitionOf);
  const judged = applyFamilies(metrics, definitions, settings);
  return { judged, recommendation: decide(judged, definitions, settings) };
}

describe('the decision policy', () => {
  it('adopts when the primary metric is significantly better and no guardrail is worse', () => {
    const { recommendation } = verdict([
      metric({ name: 'tool_error_rate', role: 'primary', ...better }),
      metric({
        name: 'time',
        role: 'guardrail',
        relative: { estimate: 0, ci: [-0.05, 0.05] },
      }),
    ]);
    expect(recommendation).toMatchObject({
      verdict: 'adopt',
      winner: 'warm',
      sessionsNeeded: null,
    });
    expect(recommendation.reason).toContain('warm lowers tool_error_rate by 40% (0.1 → 0.06');
    expect(recommendation.unprovenGuardrails).toEqual([]);
  });

  it('rejects when a guardrail is significantly worse, even if the primary metric is better', () => {
    const { recommendation, judged } = verdict([
      metric({ name: 'tool_error_rate', role: 'primary', ...better }),
      metric({ name: 'completion_time_seconds', role: 'guardrail', ...worse(0.002) }),
    ]);
    expect(recommendation).toMatchObject({ verdict: 'reject', winner: 'cold' });
    expect(recommendation.reason).toContain('guardrail completion_time_seconds');
    expect(judged[1]!.guardrail!.status).toBe('worse');
  });

  it('tests harm one-sided at alpha/2, shared by the primary metric and the guardrails (Holm)', () => {
    // Harm p-values (one-sided): 0.011 and 0.02 for the guardrails, ~1 for the improved primary.
    // Holm at 0.025 over 3: 0.011 ≤ 0.025/3? no, so nothing is shown worse.
    const { judged, recommendation } = verdict([
      metric({ name: 'tool_error_rate', role: 'primary', ...better }),
      metric({ name: 'a', role: 'guardrail', ...worse(0.022) }),
      metric({ name: 'b', role: 'guardrail', ...worse(0.04) }),
    ]);
    expect(judged[1]!.adjustedPValue).toBeCloseTo(2 * 3 * 0.011, 12);
    expect(judged[1]!.direction).toBe('none');
    expect(judged[2]!.direction).toBe('none');
    expect(recommendation.verdict).toBe('adopt');
    expect(recommendation.unprovenGuardrails).toEqual(['a', 'b']);
    // With one guardrail, the same harm is shown: 0.011 ≤ 0.025/2.
    const single = verdict([
      metric({ name: 'tool_error_rate', role: 'primary', ...better }),
      metric({ name: 'a', role: 'guardrail', ...worse(0.022) }),
    ]);
    expect(single.judged[1]!.direction).toBe('worse');
    expect(single.recommendation.verdict).toBe('reject');
  });

  it('ignores secondary metrics, however many and however worse', () => {
    const metrics = [
      metric({ name: 'tool_error_rate', role: 'primary', ...better }),
      metric({ name: 'message_count', role: 'secondary', ...worse(0.0001) }),
      ...['a', 'b', 'c', 'd'].map((name) => metric({ name, role: 'secondary', ...worse(0.3) })),
    ];
    const { judged, recommendation } = verdict(metrics);
    expect(recommendation.verdict).toBe('adopt');
    expect(judged[1]!.direction).toBe('worse');
    expect(judged[1]!.adjustedPValue).toBeCloseTo(0.0005, 12); // Holm among the 5 secondaries
  });

  it('rejects when the primary metric is significantly worse', () => {
    const { recommendation } = verdict([
      metric({ name: 'tool_error_rate', role: 'primary', ...worse(0.001) }),
    ]);
    expect(recommendation).toMatchObject({ verdict: 'reject', winner: 'cold' });
  });

  it('says no difference when the relative interval lies inside the equivalence margin', () => {
    const { recommendation } = verdict([
      metric({
        name: 'tool_error_rate',
        role: 'primary',
        relative: { estimate: 0.01, ci: [-0.04, 0.06] },
      }),
    ]);
    expect(recommendation).toMatchObject({ verdict: 'no-difference', winner: null });
    expect(recommendation.reason).toContain('between -4% and +6%, inside the margin of ±10%');
  });

  it('falls back to an absolute margin when the control is 0', () => {
    const { recommendation } = verdict([
      metric({
        name: 'tool_error_rate',
        role: 'primary',
        kind: 'ratio',
        difference: { estimate: 0, ci: [-0.004, 0.004], level: 0.95, control: 0, treatment: 0 },
        relative: { estimate: null, ci: null },
      }),
    ]);
    expect(recommendation.verdict).toBe('no-difference');
    expect(recommendation.reason).toContain('inside the margin of ±0.01');
  });

  it('is inconclusive, with the sessions needed, when the interval is wider than the margin', () => {
    const { recommendation } = verdict([metric({ name: 'tool_error_rate', role: 'primary' })]);
    expect(recommendation).toMatchObject({
      verdict: 'inconclusive',
      winner: null,
      sessionsNeeded: 340,
    });
    expect(recommendation.reason).toContain('about 340 sessions per arm');
  });

  it('asks for more data when no test of these sessions could reach alpha, and says why', () => {
    const { recommendation } = verdict([
      metric({
        name: 'tool_error_rate',
        role: 'primary',
        ...better,
        pValue: 0.1,
        inference: {
          reference: 'permutation',
          permutations: 20,
          exact: true,
          smallestPValue: 0.1,
          nominalAlpha: 0.05,
          nominalPValue: 0.1,
        },
        design: {
          kind: 'clustered',
          explanation: '',
          tasks: 6,
          correlation: null,
          varianceSaved: null,
          designEffect: 3,
        },
      }),
    ]);
    expect(recommendation.verdict).toBe('insufficient-data');
    expect(recommendation.reason).toBe(
      'With 6 tasks in all (the units of a clustered comparison), no test of tool_error_rate can reach p < 0.05: the smallest p-value their values allow is 0.1. Run more tasks, or run both variants on the same tasks so that each task is compared with itself.',
    );
  });

  it('asks for more data when the primary metric has no test, and says why', () => {
    const { recommendation } = verdict([
      metric({
        name: 'tool_error_rate',
        role: 'primary',
        pValue: null,
        notes: ['tool_error_rate cannot be compared: needs at least 2 sessions per arm (1 vs 5)'],
      }),
    ]);
    expect(recommendation.verdict).toBe('insufficient-data');
    expect(recommendation.reason).toBe(
      'Tool_error_rate cannot be compared: needs at least 2 sessions per arm (1 vs 5).',
    );
    expect(recommendation.sessionsNeeded).toBeNull();
  });
});

describe('guardrail status', () => {
  it('is within-margin when the harmful end of its interval is inside the margin', () => {
    const { judged } = verdict([
      metric({ name: 'tool_error_rate', role: 'primary', ...better }),
      metric({ name: 'time', role: 'guardrail', relative: { estimate: -0.02, ci: [-0.08, 0.07] } }),
      metric({
        name: 'success',
        role: 'guardrail',
        better: 'higher',
        kind: 'binary',
        relative: { estimate: -0.02, ci: [-0.12, 0.07] },
      }),
    ]);
    expect(judged[1]!.guardrail).toMatchObject({
      status: 'within-margin',
      on: 'relative',
      harmfulBound: 0.07,
    });
    expect(judged[2]!.guardrail).toMatchObject({ status: 'unproven', harmfulBound: -0.12 });
  });

  it('makes adoption need every guardrail within its margin under the non-inferiority policy', () => {
    const metrics = [
      metric({ name: 'tool_error_rate', role: 'primary', ...better }),
      metric({ name: 'time', role: 'guardrail', relative: { estimate: 0.05, ci: [-0.1, 0.2] } }),
    ];
    expect(verdict(metrics).recommendation.verdict).toBe('adopt');
    const strict = verdict(metrics, { guardrailPolicy: 'non-inferiority' }).recommendation;
    expect(strict.verdict).toBe('inconclusive');
    expect(strict.reason).toContain('time (its interval reaches +20%, margin +10%)');
  });

  it('uses a margin set per metric', () => {
    const metrics = [
      metric({ name: 'tool_error_rate', role: 'primary', ...better }),
      metric({ name: 'time', role: 'guardrail', relative: { estimate: 0.05, ci: [-0.1, 0.2] } }),
    ];
    const settings = { ...DEFAULT_CONFIG, guardrailPolicy: 'non-inferiority' as const };
    const definitions = metrics.map(definitionOf);
    definitions[1]!.margin = 0.25;
    const judged = applyFamilies(metrics, definitions, settings);
    expect(judged[1]!.guardrail!.status).toBe('within-margin');
    expect(decide(judged, definitions, settings).verdict).toBe('adopt');
  });
});
