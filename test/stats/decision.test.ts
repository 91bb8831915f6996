import { describe, expect, it } from 'vitest';
import {
  capAtPercentile,
  chanceToBeat,
  clusteredDifference,
  clusteredMean,
  isUnavailable,
  mixtureTuning,
  normalQuantile,
  pairedDifference,
  pairedMinimumDetectableEffect,
  pairedSessionsNeeded,
  sequentialInterval,
} from '../../src/stats/index.js';
import type { Maybe } from '../../src/stats/index.js';
import { expectClose } from './expect-close.js';
import { sample, seededRandom } from './random.js';
import { available } from './unwrap.js';

/** Every number anywhere in a result is finite. */
function expectAllFinite(value: unknown): void {
  if (typeof value === 'number') expect(Number.isFinite(value), String(value)).toBe(true);
  else if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(expectAllFinite);
  }
}

function expectUnavailable<T>(result: Maybe<T>, reason: RegExp): void {
  expect(isUnavailable(result), JSON.stringify(result)).toBe(true);
  if (isUnavailable(result)) expect(result.unavailable).toMatch(reason);
}

describe('confidence sequence', () => {
  const base = { estimate: 0.3, se: 0.1, n: 200, alpha: 0.05, expectedSessions: 400 };

  it('has a multiplier of about 3.0 instead of 1.96 at n = N* (α = 0.05), whatever N* is', () => {
    for (const expectedSessions of [200, 400, 5000, 10_000]) {
      const result = available(
        sequentialInterval({ ...base, n: expectedSessions, expectedSessions }),
      );
      expect(result.halfWidth / base.se).toBeCloseTo(3.035, 3);
    }
  });

  it('is wider than the fixed-horizon interval at every n, tightest (relative to se) near N*', () => {
    const multiplier = (n: number): number =>
      available(sequentialInterval({ ...base, n })).halfWidth / base.se;
    for (const n of [2, 10, 100, 400, 1600, 100_000]) {
      expect(multiplier(n)).toBeGreaterThan(normalQuantile(0.975));
    }
    expect(multiplier(100)).toBeGreaterThan(multiplier(400));
    expect(multiplier(1600)).toBeGreaterThan(multiplier(400));
  });

  it('narrows as sessions accumulate (se = σ·√(4/n) for two equal arms)', () => {
    let previous = Infinity;
    for (const n of [2, 10, 50, 100, 400, 1600, 6400, 100_000]) {
      const se = 1.5 * Math.sqrt(4 / n);
      const halfWidth = available(sequentialInterval({ ...base, se, n })).halfWidth;
      expect(halfWidth).toBeLessThan(previous);
      previous = halfWidth;
    }
  });

  it('matches the written-out GrowthBook half-width', () => {
    const { se, n, alpha } = base;
    const rho = mixtureTuning(alpha, base.expectedSessions);
    const literal =
      se *
      Math.sqrt(n) *
      Math.sqrt(
        ((2 * (n * rho ** 2 + 1)) / (n ** 2 * rho ** 2)) *
          Math.log(Math.sqrt(n * rho ** 2 + 1) / alpha),
      );
    expectClose(available(sequentialInterval(base)).halfWidth, literal);
  });

  it('gives p = α exactly when 0 sits on the boundary, and p < α ⇔ 0 ∉ ci', () => {
    const onBoundary = available(sequentialInterval(base)).halfWidth;
    expectClose(available(sequentialInterval({ ...base, estimate: onBoundary })).pValue, 0.05);
    const random = seededRandom(101);
    for (let i = 0; i < 5000; i++) {
      const inputs = {
        estimate: random.normal(0, 3),
        se: 0.05 + random.uniform() * 2,
        n: 2 + Math.floor(random.uniform() * 5000),
        alpha: [0.01, 0.05, 0.1, 0.2][i % 4] as number,
        expectedSessions: 50 + random.uniform() * 5000,
      };
      const result = available(sequentialInterval(inputs));
      const excludesZero = result.ci[0] > 0 || result.ci[1] < 0;
      expect(result.pValue < inputs.alpha, JSON.stringify(inputs)).toBe(excludesZero);
      expect(result.pValue).toBeGreaterThanOrEqual(0);
      expect(result.pValue).toBeLessThanOrEqual(1);
    }
  });

  it('has p = 1 at a zero estimate and a tiny but finite p far out', () => {
    expect(available(sequentialInterval({ ...base, estimate: 0 })).pValue).toBe(1);
    const far = available(sequentialInterval({ ...base, estimate: 5, n: 10_000 }));
    expect(far.pValue).toBeGreaterThanOrEqual(0);
    expect(far.pValue).toBeLessThan(1e-100);
  });

  it('refuses a zero standard error and fewer than 2 sessions', () => {
    expectUnavailable(sequentialInterval({ ...base, se: 0 }), /standard error is 0/);
    expectUnavailable(sequentialInterval({ ...base, n: 1 }), /at least 2 sessions/);
    expectUnavailable(sequentialInterval({ ...base, n: 0 }), /at least 2 sessions/);
    expectUnavailable(sequentialInterval({ ...base, estimate: NaN }), /finite/);
    expectUnavailable(sequentialInterval({ ...base, se: Infinity }), /finite/);
  });

  it('throws on caller bugs', () => {
    expect(() => mixtureTuning(0, 100)).toThrow(RangeError);
    expect(() => mixtureTuning(1, 100)).toThrow(RangeError);
    expect(() => mixtureTuning(0.05, 0)).toThrow(RangeError);
    expect(() => mixtureTuning(0.05, Infinity)).toThrow(RangeError);
    expect(() => sequentialInterval({ ...base, se: -1 })).toThrow(RangeError);
    expect(() => sequentialInterval({ ...base, n: 10.5 })).toThrow(RangeError);
    expect(() => sequentialInterval({ ...base, n: -4 })).toThrow(RangeError);
  });
});

describe('paired difference of task means', () => {
  it('computes a small case by hand', () => {
    // d = [0.3, 0.1, 0.2]: mean 0.2, Var(d) = 0.01, se = 0.1/√3.
    const result = available(pairedDifference([0.8, 0.4, 0.6], [0.5, 0.3, 0.4]));
    expectClose(result.estimate, 0.2);
    expectClose(result.se, 0.1 / Math.sqrt(3));
    expect(result.df).toBe(2);
    // Var(t) = 0.04, Var(c) = 0.01: 1 − 0.01/0.05.
    expectClose(result.varianceSaved, 0.8);
  });

  it('reports no correlation when one arm is constant, and a negative saving when pairing hurts', () => {
    const constant = available(pairedDifference([1, 2, 4], [0.5, 0.5, 0.5]));
    expect(constant.correlation).toBeNull();
    expectClose(constant.varianceSaved, 0);
    const opposed = available(pairedDifference([1, 2, 3], [3, 2, 1]));
    expectClose(opposed.correlation as number, -1);
    expectClose(opposed.varianceSaved, -1);
  });

  it('refuses fewer than 2 tasks, constant differences and non-finite values', () => {
    expectUnavailable(pairedDifference([1], [0]), /at least 2 tasks/);
    expectUnavailable(pairedDifference([], []), /at least 2 tasks/);
    expectUnavailable(pairedDifference([3, 4, 5], [2, 3, 4]), /zero variance/);
    expectUnavailable(pairedDifference([0.3, 0.1], [0.3, 0.1]), /zero variance/);
    expectUnavailable(pairedDifference([1, NaN], [0, 1]), /finite/);
  });

  it('throws on arrays of different lengths or a bad level', () => {
    expect(() => pairedDifference([1, 2], [1, 2, 3])).toThrow(RangeError);
    expect(() => pairedDifference([1, 2], [2, 1], 1)).toThrow(RangeError);
  });
});

describe('clustered standard error', () => {
  it('computes a by-hand example', () => {
    // Values 1, 2 | 5, 4 in clusters a | b: mean 3, residuals −2, −1 | 2, 1.
    // SE² = Σr²/n² = 10/16; cross terms 2·(−2)(−1) + 2·(2)(1) = 8, so SE²c = 10/16 + 8/16 = 18/16.
    const result = available(clusteredMean([1, 2, 5, 4], ['a', 'a', 'b', 'b']));
    expect(result.n).toBe(4);
    expect(result.clusters).toBe(2);
    expectClose(result.mean, 3);
    expectClose(result.naiveSe, Math.sqrt(10 / 16));
    expectClose(result.se, Math.sqrt(18 / 16));
    expectClose(result.designEffect, 1.8);
  });

  it('equals the naive SE when every value is its own cluster', () => {
    const values = sample(50, seededRandom(7).normal);
    const ids = Array.from({ length: 50 }, (_, i) => i);
    const result = available(clusteredMean(values, ids));
    expectClose(result.se, result.naiveSe);
    expectClose(result.designEffect, 1);
  });

  it('treats string and numeric ids as distinct keys, in any order', () => {
    const ordered = available(clusteredMean([1, 2, 5, 4, 3], [1, 1, 2, 2, '1']));
    expect(ordered.clusters).toBe(3);
    const shuffled = available(clusteredMean([5, 1, 3, 4, 2], [2, 1, '1', 2, 1]));
    expectClose(shuffled.se, ordered.se);
  });

  it('refuses too few values or clusters, constant values and equal cluster means', () => {
    expectUnavailable(clusteredMean([1], ['a']), /at least 2 values/);
    expectUnavailable(clusteredMean([1, 2, 3], ['a', 'a', 'a']), /at least 2 clusters/);
    expectUnavailable(clusteredMean([2, 2, 2, 2], ['a', 'a', 'b', 'b']), /all values are equal/);
    expectUnavailable(
      clusteredMean([1, 3, 2, 2], ['a', 'a', 'b', 'b']),
      /every cluster has the same mean/,
    );
    expectUnavailable(clusteredMean([1, Infinity], ['a', 'b']), /finite/);
  });

  it('clustered difference uses a normal critical value', () => {
    const armT = available(clusteredMean([1, 2, 5, 4], ['a', 'a', 'b', 'b']));
    const armC = available(clusteredMean([0, 1, 2, 3], [1, 2, 3, 4]));
    const difference = available(clusteredDifference(armT, armC, 0.9));
    const se = Math.sqrt(18 / 16 + 5 / 16);
    expectClose(difference.estimate, 1.5);
    expectClose(difference.se, se);
    expectClose(difference.ci, [1.5 - normalQuantile(0.95) * se, 1.5 + normalQuantile(0.95) * se]);
    expectAllFinite(difference);
  });

  it('clustered difference refuses a zero standard error; bad input throws', () => {
    const point = { n: 2, mean: 1, se: 0, naiveSe: 0, clusters: 2, designEffect: 1 };
    expectUnavailable(clusteredDifference(point, point), /standard error of 0/);
    expect(() => clusteredMean([1, 2], ['a'])).toThrow(RangeError);
    expect(() => clusteredDifference(point, point, 0)).toThrow(RangeError);
  });
});

describe('paired power (Miller eq. 9–10)', () => {
  it("reproduces Miller's worked example: Var(d) = 1/9, δ = 0.03 needs 969 tasks", () => {
    const inputs = { varianceOfDifferences: 1 / 9, delta: 0.03, alpha: 0.05, power: 0.8 };
    expect(pairedSessionsNeeded(inputs)).toBe(969);
    expect(pairedSessionsNeeded({ ...inputs, delta: -0.03 })).toBe(969);
    // And the MDE over those 969 tasks is just under δ.
    const mde = available(pairedMinimumDetectableEffect({ ...inputs, tasks: 969 }));
    expect(mde).toBeLessThanOrEqual(0.03);
    expect(mde).toBeGreaterThan(0.0299);
  });

  it('refuses a zero effect, zero variance or no tasks; bad input throws', () => {
    const base = { varianceOfDifferences: 0.1, alpha: 0.05 };
    expectUnavailable(pairedSessionsNeeded({ ...base, delta: 0 }), /effect to detect is 0/);
    expectUnavailable(
      pairedSessionsNeeded({ ...base, varianceOfDifferences: 0, delta: 0.1 }),
      /zero variance/,
    );
    expectUnavailable(pairedMinimumDetectableEffect({ ...base, tasks: 0 }), /at least 1 task/);
    expect(pairedMinimumDetectableEffect({ ...base, varianceOfDifferences: 0, tasks: 5 })).toBe(0);
    expect(() => pairedSessionsNeeded({ ...base, varianceOfDifferences: -1, delta: 1 })).toThrow(
      RangeError,
    );
    expect(() => pairedSessionsNeeded({ ...base, delta: 1, power: 1 })).toThrow(RangeError);
    expect(() => pairedMinimumDetectableEffect({ ...base, alpha: 0, tasks: 5 })).toThrow(
      RangeError,
    );
  });
});

describe('chance to beat control', () => {
  it('is ½ at a zero estimate and symmetric in the direction', () => {
    expect(chanceToBeat({ estimate: 0, se: 1, better: 'higher' })).toBe(0.5);
    const higher = available(chanceToBeat({ estimate: 0.2, se: 0.1, better: 'higher' }));
    const lower = available(chanceToBeat({ estimate: 0.2, se: 0.1, better: 'lower' }));
    expectClose(higher + lower, 1);
    expect(higher).toBeGreaterThan(0.97);
  });

  it('refuses a zero or non-finite standard error; bad input throws', () => {
    expectUnavailable(
      chanceToBeat({ estimate: 1, se: 0, better: 'higher' }),
      /standard error is 0/,
    );
    expectUnavailable(chanceToBeat({ estimate: NaN, se: 1, better: 'lower' }), /finite/);
    expect(() => chanceToBeat({ estimate: 1, se: -1, better: 'higher' })).toThrow(RangeError);
    expect(() => chanceToBeat({ estimate: 1, se: 1, better: 'up' as unknown as 'higher' })).toThrow(
      RangeError,
    );
  });
});

describe('capping at a pooled percentile', () => {
  it('computes the cap over both arms pooled, never per arm', () => {
    // Pooled: 1..10, type 7 at 0.5 → 5.5. Per arm the control alone would cap at 3.
    const result = available(capAtPercentile([1, 2, 3, 4, 5], [6, 7, 8, 9, 10], 0.5));
    expect(result.cap).toBe(5.5);
    expect(Array.from(result.control)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(result.treatment)).toEqual([5.5, 5.5, 5.5, 5.5, 5.5]);
    expect(result.cappedCount).toBe(5);
  });

  it('does not modify its inputs', () => {
    const control = [9, 1, 5];
    const treatment = new Float64Array([7, 3]);
    available(capAtPercentile(control, treatment, 0.5));
    expect(control).toEqual([9, 1, 5]);
    expect(Array.from(treatment)).toEqual([7, 3]);
  });

  it('agrees with a full sort on 10⁶ values of a heavy tail, and on sorted or constant input', () => {
    const random = seededRandom(55);
    const control = sample(400_000, () => random.logNormal(0, 2));
    const treatment = sample(600_000, () => random.logNormal(0.1, 2));
    const cases: [Float64Array, Float64Array][] = [
      [control, treatment],
      [Float64Array.from({ length: 100_000 }, (_, i) => i), new Float64Array(0)],
      [new Float64Array(100_000).fill(3), Float64Array.from({ length: 1000 }, (_, i) => -i)],
    ];
    for (const [c, t] of cases) {
      const sorted = new Float64Array(c.length + t.length);
      sorted.set(c);
      sorted.set(t, c.length);
      sorted.sort();
      for (const p of [0.999, 0.95, 0.5, 0.0001]) {
        const index = 1 + (sorted.length - 1) * p;
        const lo = Math.floor(index);
        const h = index - lo;
        const low = sorted[lo - 1] as number;
        const high = sorted[Math.min(lo, sorted.length - 1)] as number;
        const expected = h > 0 && high !== low ? (1 - h) * low + h * high : low;
        const result = available(capAtPercentile(c, t, p));
        expect(result.cap).toBe(expected);
        let above = 0;
        for (const value of sorted) if (value > expected) above++;
        expect(result.cappedCount).toBe(above);
      }
    }
  });

  it('refuses empty arms and non-finite values; a percentile outside [0, 1] throws', () => {
    expectUnavailable(capAtPercentile([], [], 0.9), /at least 1 value/);
    expectUnavailable(capAtPercentile([1, NaN], [2], 0.9), /finite/);
    expectUnavailable(capAtPercentile([1], [Infinity], 0.9), /finite/);
    expect(() => capAtPercentile([1], [2], 99.9)).toThrow(RangeError);
    expect(() => capAtPercentile([1], [2], -0.1)).toThrow(RangeError);
    expect(() => capAtPercentile([1], [2], NaN)).toThrow(RangeError);
  });
});
