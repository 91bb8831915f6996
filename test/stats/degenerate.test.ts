import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  fisherExact,
  holm,
  isUnavailable,
  mannWhitneyTest,
  newcombeDifference,
  ratioArm,
  ratioDifference,
  sampleRatioMismatch,
  summarize,
  welchFromMoments,
  welchTest,
  wilsonInterval,
} from '../../src/stats/index.js';
import type { Maybe } from '../../src/stats/index.js';
import { available } from './unwrap.js';

/** Every number anywhere in a result is finite. */
function expectAllFinite(value: unknown): void {
  if (typeof value === 'number') expect(Number.isFinite(value), String(value)).toBe(true);
  else if (value !== null && typeof value === 'object')
    Object.values(value).forEach(expectAllFinite);
}

function expectUnavailable<T>(result: Maybe<T>, reason: RegExp): void {
  expect(isUnavailable(result), JSON.stringify(result)).toBe(true);
  if (isUnavailable(result)) expect(result.unavailable).toMatch(reason);
}

describe('an arm of 1 value', () => {
  it('Welch needs 2 values per arm', () => {
    expectUnavailable(welchTest([3], [1, 2, 3]), /at least 2 values per arm/);
    expectUnavailable(welchTest([1, 2, 3], [3]), /at least 2 values per arm/);
  });

  it('Mann-Whitney works, as in R (1 vs 1 gives p = 1)', () => {
    const result = available(mannWhitneyTest([2], [1]));
    expect(result).toEqual({ u: 1, pValue: 1, method: 'exact' });
  });

  it('summary has no spread', () => {
    expect(summarize([4])).toEqual({ n: 1, mean: 4, sd: null, median: 4, ci: null });
  });

  it('ratio needs 2 sessions', () => {
    expectUnavailable(ratioArm([1], [4]), /at least 2 sessions/);
  });
});

describe('zero variance', () => {
  it('Welch refuses when both arms are constant', () => {
    expectUnavailable(welchTest([2, 2, 2], [1, 1]), /zero variance/);
    expectUnavailable(welchTest([0, 0], [0, 0, 0]), /zero variance/);
    expectUnavailable(
      welchFromMoments({ meanT: 1, varT: 0, nT: 5, meanC: 1, varC: 0, nC: 5 }),
      /zero variance/,
    );
  });

  it('Welch works when only one arm is constant (df from the other arm)', () => {
    const result = available(welchTest([3, 3, 3], [1, 2, 3, 4]));
    expect(result.df).toBeCloseTo(3, 12);
    expectAllFinite(result);
  });

  it('Mann-Whitney refuses when every value is equal, but not for two constant arms', () => {
    expectUnavailable(mannWhitneyTest([5, 5, 5], [5, 5]), /all values are equal/);
    expectUnavailable(mannWhitneyTest([5], [5]), /all values are equal/);
    const separated = available(mannWhitneyTest([2, 2, 2], [1, 1, 1]));
    expect(separated.method).toBe('asymptotic');
    expectAllFinite(separated);
  });

  it('summary of constant values has a point interval', () => {
    expect(summarize([7, 7, 7])).toEqual({ n: 3, mean: 7, sd: 0, median: 7, ci: [7, 7] });
  });

  it('ratio difference refuses when neither arm varies', () => {
    const arm = available(ratioArm([1, 1, 1], [2, 2, 2]));
    expect(arm.varianceOfRatio).toBe(0);
    expectUnavailable(ratioDifference(arm, arm), /zero variance/);
  });
});

describe('all successes (or none) in both arms', () => {
  it('Wilson is still an interval with an exact bound at 1 or 0', () => {
    const all = available(wilsonInterval(10, 10));
    expect(all[1]).toBe(1);
    expect(all[0]).toBeGreaterThan(0.7);
    const none = available(wilsonInterval(0, 10));
    expect(none[0]).toBe(0);
    expect(none[1]).toBeLessThan(0.3);
  });

  it('Newcombe is defined and symmetric around 0', () => {
    const result = available(newcombeDifference(10, 10, 10, 10));
    expect(result.estimate).toBe(0);
    expect(result.ci[0]).toBeCloseTo(-result.ci[1], 15);
    expect(result.ci[1]).toBeGreaterThan(0);
    expectAllFinite(available(newcombeDifference(0, 4, 0, 9)));
  });

  it('Fisher gives p = 1', () => {
    expect(fisherExact(10, 10, 10, 10)).toEqual({ pValue: 1 });
    expect(fisherExact(0, 10, 0, 7)).toEqual({ pValue: 1 });
  });
});

describe('ratio denominators', () => {
  it('a ratio whose denominators sum to 0 is unavailable', () => {
    expectUnavailable(ratioArm([0, 0, 0], [0, 0, 0]), /denominators sum to 0/);
  });
});

describe('empty input', () => {
  it('every test says what it needs', () => {
    expectUnavailable(summarize([]), /at least 1 value/);
    expectUnavailable(summarize(new Float64Array(0)), /at least 1 value/);
    expectUnavailable(welchTest([], []), /at least 2 values/);
    expectUnavailable(mannWhitneyTest([], [1, 2]), /at least 1 value per arm/);
    expectUnavailable(ratioArm([], []), /at least 2 sessions/);
    expectUnavailable(fisherExact(0, 0, 3, 5), /at least 1 session per arm/);
    expectUnavailable(wilsonInterval(0, 0), /at least 1 session/);
    expectUnavailable(newcombeDifference(1, 2, 0, 0), /at least 1 session per arm/);
    expectUnavailable(sampleRatioMismatch([0, 0], [1, 1]), /at least 1 session/);
    expectUnavailable(sampleRatioMismatch([10], [1]), /at least 2 arms/);
    expect(holm([])).toEqual([]);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});

describe('values that are not finite', () => {
  it('are refused rather than turned into NaN', () => {
    expectUnavailable(summarize([1, NaN]), /finite/);
    expectUnavailable(welchTest([1, 2, Infinity], [1, 2]), /finite/);
    expectUnavailable(mannWhitneyTest([1, 2], [NaN, 2]), /finite/);
    expectUnavailable(ratioArm([1, NaN], [1, 2]), /finite/);
  });
});

describe('bad arguments are caller bugs and throw', () => {
  it('rejects impossible counts, levels, weights and p-values', () => {
    expect(() => fisherExact(3, 2, 0, 1)).toThrow(RangeError);
    expect(() => fisherExact(1.5, 2, 0, 1)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
    expect(() => welchTest([1, 2], [3, 4], 1.5)).toThrow(RangeError);
    expect(() => sampleRatioMismatch([1, 2], [1])).toThrow(RangeError);
    expect(() => sampleRatioMismatch([1, 2], [1, 0])).toThrow(RangeError);
    expect(() => ratioArm([1, 2], [1])).toThrow(RangeError);
    expect(() => holm([0.5, 1.2])).toThrow(RangeError);
    expect(() => benjaminiHochberg([NaN])).toThrow(RangeError);
  });
});
