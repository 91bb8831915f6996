import { describe, expect, it } from 'vitest';
import { capAtPercentile, chanceToBeat, isUnavailable } from '../../src/stats/index.js';
import type { Maybe } from '../../src/stats/index.js';
import { expectClose } from './expect-close.js';
import { sample, seededRandom } from './random.js';
import { available } from './unwrap.js';

function expectUnavailable<T>(result: Maybe<T>, reason: RegExp): void {
  expect(isUnavailable(result), JSON.stringify(result)).toBe(true);
  if (isUnavailable(result)) expect(result.unavailable).toMatch(reason);
}

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
