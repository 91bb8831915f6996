import { describe, expect, it } from 'vitest';
import {
  chiSquareSurvival,
  fisherExact,
  mannWhitneyTest,
  summarize,
  welchFromMoments,
  welchTest,
} from '../../src/stats/index.js';
import { expectClose } from './expect-close.js';
import { sample, seededRandom } from './random.js';
import { available } from './unwrap.js';

describe('consistency', () => {
  const random = seededRandom(7);
  const treatment = sample(37, () => random.normal(1, 2));
  const control = sample(41, () => random.normal(0, 1));

  it('welchFromMoments agrees with welchTest on the same data', () => {
    const t = available(summarize(treatment));
    const c = available(summarize(control));
    const fromMoments = available(
      welchFromMoments({
        meanT: t.mean,
        varT: (t.sd ?? 0) ** 2,
        nT: t.n,
        meanC: c.mean,
        varC: (c.sd ?? 0) ** 2,
        nC: c.n,
      }),
    );
    const fromData = available(welchTest(treatment, control));
    expectClose(fromMoments.pValue, fromData.pValue);
    expectClose(fromMoments.ci, fromData.ci);
  });

  it('swapping the arms flips Welch and keeps the Mann-Whitney p-value', () => {
    const forward = available(welchTest(treatment, control));
    const backward = available(welchTest(control, treatment));
    expectClose(backward.estimate, -forward.estimate);
    expectClose(backward.pValue, forward.pValue);
    const u = available(mannWhitneyTest(treatment, control));
    const uSwapped = available(mannWhitneyTest(control, treatment));
    expect(u.u + uSwapped.u).toBe(treatment.length * control.length);
    expectClose(uSwapped.pValue, u.pValue);
  });

  it('Fisher does not depend on which arm is called treatment', () => {
    expectClose(
      available(fisherExact(13, 40, 4, 35)).pValue,
      available(fisherExact(4, 35, 13, 40)).pValue,
    );
  });

  it('chi-square survival keeps tiny tails (no 1 − cdf)', () => {
    expectClose(chiSquareSurvival(2, 2), Math.exp(-1));
    expectClose(chiSquareSurvival(200, 2), Math.exp(-100));
    expect(chiSquareSurvival(0, 3)).toBe(1);
  });

  it('summary median handles even and odd lengths and typed arrays', () => {
    expect(available(summarize(Float64Array.of(5, 1, 3))).median).toBe(3);
    expect(available(summarize([4, 1, 3, 2])).median).toBe(2.5);
  });
});
