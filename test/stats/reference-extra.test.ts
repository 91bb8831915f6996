import { afterAll, describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  fisherExact,
  holm,
  mannWhitneyTest,
  ratioArm,
  ratioDifference,
  sampleRatioMismatch,
  summarize,
  tQuantile,
  welchTest,
  wilsonInterval,
} from '../../src/stats/index.js';
import { expectClose, worstRelativeErrorSeen } from './expect-close.js';
import { extraReference } from './r-reference.js';
import { available } from './unwrap.js';

// Computed by scripts/reference/stats-extra.R.
const reference = extraReference();

describe('r-stats-extra.json (extra R reference values)', () => {
  afterAll(() => {
    console.info(`r-stats-extra.json: worst relative error vs R ${worstRelativeErrorSeen()}`);
  });

  it.each(reference.ratio.map((c, i) => ({ ...c, i })))(
    'ratio delta method, case $i',
    ({ treatment, control, treatmentArm, controlArm, difference, level }) => {
      const armT = available(ratioArm(treatment.numerators, treatment.denominators));
      const armC = available(ratioArm(control.numerators, control.denominators));
      for (const [arm, expected] of [
        [armT, treatmentArm],
        [armC, controlArm],
      ] as const) {
        expect(arm.n).toBe(expected.n);
        expectClose(arm.ratio, expected.ratio, 'ratio');
        expectClose(arm.varianceOfRatio, expected.varianceOfRatio, 'varianceOfRatio');
      }
      const result = available(ratioDifference(armT, armC, level));
      expectClose(result.estimate, difference.estimate, 'estimate');
      expectClose(result.se, difference.se, 'se');
      expectClose(result.statistic, difference.statistic, 'statistic');
      expectClose(result.df, difference.df, 'df');
      expectClose(result.pValue, difference.pValue, 'pValue');
      expectClose(result.ci, difference.ci, 'ci');
    },
  );

  it.each(reference.mannWhitney.map((c, i) => ({ ...c, i })))(
    'Mann-Whitney case $i: $treatment.length vs $control.length, $method',
    ({ treatment, control, u, pValue, method }) => {
      const test = available(mannWhitneyTest(treatment, control));
      expectClose(test.u, u, 'u');
      expectClose(test.pValue, pValue, 'pValue');
      expect(test.method).toBe(method);
    },
  );

  it.each(reference.fisher)(
    'Fisher $successesT/$nT vs $successesC/$nC',
    ({ successesT, nT, successesC, nC, pValue }) => {
      expectClose(available(fisherExact(successesT, nT, successesC, nC)).pValue, pValue);
    },
  );

  it.each(reference.adjust)('p.adjust of $p', ({ p, holm: holmExpected, bh }) => {
    expectClose(holm(p), holmExpected, 'holm');
    expectClose(benjaminiHochberg(p), bh, 'BH');
  });

  it.each(reference.srm)('SRM $counts against $weights', ({ counts, weights, ...expected }) => {
    const srm = available(sampleRatioMismatch(counts, weights));
    expectClose(srm.statistic, expected.statistic, 'statistic');
    expect(srm.df).toBe(expected.df);
    expectClose(srm.pValue, expected.pValue, 'pValue');
  });

  it.each(reference.tQuantile)('qt($p, $df)', ({ p, df, t }) => {
    expectClose(tQuantile(p, df), t);
  });

  it.each(reference.welch)('Welch at level $level', ({ treatment, control, level, ...c }) => {
    const welch = available(welchTest(treatment, control, level));
    expectClose(welch.statistic, c.statistic, 'statistic');
    expectClose(welch.df, c.df, 'df');
    expectClose(welch.pValue, c.pValue, 'pValue');
    expectClose(welch.estimate, c.estimate, 'estimate');
    expectClose(welch.ci, c.ci, 'ci');
    expectClose(welch.se, c.se, 'se');
  });

  it.each(reference.wilson)(
    'Wilson $successes/$n at level $level',
    ({ successes, n, level, ci }) => {
      expectClose(available(wilsonInterval(successes, n, level)), ci);
    },
  );

  it.each(reference.summary)('summary of $values.length values at level $level', (c) => {
    const summary = available(summarize(c.values, c.level));
    expect(summary.n).toBe(c.values.length);
    expectClose(summary.mean, c.mean, 'mean');
    expectClose(summary.sd ?? NaN, c.sd, 'sd');
    expectClose(summary.median, c.median, 'median');
    expectClose(summary.ci ?? [NaN, NaN], c.ci, 'ci');
  });
});
