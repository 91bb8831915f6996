import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/experiment-config.js';
import { decide } from '../../src/analysis/decide.js';
import type { MetricReport } from '../../src/analysis/report-types.js';

/** A metric report with the fields the policy reads; the rest are neutral. */
function metric(
  overrides: Partial<MetricReport> & Pick<MetricReport, 'name' | 'role'>,
): MetricReport {
  return {
    kind: 'continuous',
    better: 'lower',
    control: { n: 40, mean: 0.1, sd: 0.05, median: 0.1, ci: [0.09, 0.11] },
    treatment: { n: 40, mean: 0.1, sd: 0.05, median: 0.1, ci: [0.09, 0.11] },
    difference: { estimate: 0, ci: [-0.05, 0.05], level: 0.95 },
    relative: { estimate: 0, ci: [-0.5, 0.5] },
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
    adjustedPValue: 0.5,
    significant: false,
    direction: 'none',
    tests: { welch: null, mannWhitney: null, fisher: null, deltaMethod: null },
    power: { sessionsNeeded: 340, minimumDetectableEffect: null, basis: null },
    chanceToBeat: null,
    capped: null,
    notes: [],
    ...overrides,
  };
}

const better = {
  difference: { estimate: -0.04, ci: [-0.06, -0.02] as [number, number], level: 0.95 },
  relative: { estimate: -0.4, ci: [-0.6, -0.2] as [number, number] },
  pValue: 0.001,
  adjustedPValue: 0.001,
  significant: true,
  direction: 'better' as const,
};
const worse = {
  ...better,
  difference: { ...better.difference, estimate: 0.04 },
  direction: 'worse' as const,
};

describe('the decision policy', () => {
  it('adopts when the primary metric is significantly better and no guardrail is worse', () => {
    const rec = decide(
      [
        metric({ name: 'tool_error_rate', role: 'primary', ...better }),
        metric({ name: 'time', role: 'guardrail' }),
      ],
      DEFAULT_CONFIG,
    );
    expect(rec).toMatchObject({ verdict: 'adopt', winner: 'warm', sessionsNeeded: null });
    expect(rec.reason).toContain('warm lowers tool_error_rate by 40%');
  });

  it('rejects when a guardrail is significantly worse, even if the primary metric is better', () => {
    const rec = decide(
      [
        metric({ name: 'tool_error_rate', role: 'primary', ...better }),
        metric({ name: 'completion_time_seconds', role: 'guardrail', ...worse }),
      ],
      DEFAULT_CONFIG,
    );
    expect(rec).toMatchObject({ verdict: 'reject', winner: 'cold' });
    expect(rec.reason).toContain('guardrail completion_time_seconds');
  });

  it('ignores a secondary metric that is worse', () => {
    const rec = decide(
      [
        metric({ name: 'tool_error_rate', role: 'primary', ...better }),
        metric({ name: 'message_count', role: 'secondary', ...worse }),
      ],
      DEFAULT_CONFIG,
    );
    expect(rec.verdict).toBe('adopt');
  });

  it('rejects when the primary metric is significantly worse', () => {
    const rec = decide(
      [metric({ name: 'tool_error_rate', role: 'primary', ...worse })],
      DEFAULT_CONFIG,
    );
    expect(rec).toMatchObject({ verdict: 'reject', winner: 'cold' });
  });

  it('says no difference when the interval lies inside the equivalence margin', () => {
    // margin = 10% of the control mean 0.1 = 0.01
    const rec = decide(
      [
        metric({
          name: 'tool_error_rate',
          role: 'primary',
          difference: { estimate: 0.001, ci: [-0.004, 0.006], level: 0.95 },
        }),
      ],
      DEFAULT_CONFIG,
    );
    expect(rec).toMatchObject({ verdict: 'no-difference', winner: null, sessionsNeeded: null });
  });

  it('is inconclusive, with the sessions needed, when the interval is wider than the margin', () => {
    const rec = decide([metric({ name: 'tool_error_rate', role: 'primary' })], DEFAULT_CONFIG);
    expect(rec).toMatchObject({ verdict: 'inconclusive', winner: null, sessionsNeeded: 340 });
    expect(rec.reason).toContain('about 340 sessions per arm');
  });

  it('asks for more data below the smallest sample that can reach alpha (4 per arm at 0.05)', () => {
    const rec = decide(
      [
        metric({
          name: 'tool_error_rate',
          role: 'primary',
          ...better,
          control: { n: 3, mean: 0.1, sd: 0.05, median: 0.1, ci: null },
        }),
      ],
      DEFAULT_CONFIG,
    );
    expect(rec.verdict).toBe('insufficient-data');
    expect(rec.reason).toBe(
      'Need at least 4 sessions per arm with tool_error_rate to detect a difference at alpha 0.05; have cold 3, warm 40.',
    );
    expect(rec.sessionsNeeded).toBeGreaterThanOrEqual(4);
  });

  it('asks for more data when the primary metric has no test, and says why', () => {
    const rec = decide(
      [
        metric({
          name: 'tool_error_rate',
          role: 'primary',
          pValue: null,
          adjustedPValue: null,
          notes: ['delta method: both arms have zero variance'],
        }),
      ],
      DEFAULT_CONFIG,
    );
    expect(rec.verdict).toBe('insufficient-data');
    expect(rec.reason).toContain('both arms have zero variance');
  });
});
