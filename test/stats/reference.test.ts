import { afterAll, describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  fisherExact,
  holm,
  mannWhitneyTest,
  newcombeDifference,
  sampleRatioMismatch,
  tQuantile,
  welchTest,
  wilsonInterval,
} from '../../src/stats/index.js';
import { expectClose, worstRelativeErrorSeen } from './expect-close.js';
import { sharedReference } from './r-reference.js';
import { available } from './unwrap.js';

const reference = sharedReference();

describe('stats-r.json (R 4.2 reference vectors)', () => {
  afterAll(() => {
    console.info(`stats-r.json: worst relative error vs R ${worstRelativeErrorSeen()}`);
  });

  describe.each(reference.continuous.map((c, i) => ({ ...c, name: `${i}: ${c.shape}` })))(
    'continuous $name',
    (c) => {
      it('Welch matches t.test', () => {
        const welch = available(welchTest(c.treatment, c.control));
        expectClose(welch.statistic, c.welch.statistic, 'statistic');
        expectClose(welch.df, c.welch.df, 'df');
        expectClose(welch.pValue, c.welch.pValue, 'pValue');
        expectClose(welch.estimate, c.welch.difference, 'difference');
        expectClose(welch.ci, c.welch.ci, 'ci');
      });

      it('Mann-Whitney matches wilcox.test', () => {
        const test = available(mannWhitneyTest(c.treatment, c.control));
        expectClose(test.u, c.mannWhitney.u, 'u');
        expectClose(test.pValue, c.mannWhitney.pValue, 'pValue');
        expect(test.method).toBe(c.mannWhitney.method);
      });
    },
  );

  it.each(reference.binary)(
    'binary $treatment.successes/$treatment.n vs $control.successes/$control.n',
    ({ treatment, control, fisher, wilson, newcombe }) => {
      const args = [treatment.successes, treatment.n, control.successes, control.n] as const;
      expectClose(available(fisherExact(...args)).pValue, fisher.pValue, 'fisher');
      expectClose(available(wilsonInterval(treatment.successes, treatment.n)), wilson.treatment);
      expectClose(available(wilsonInterval(control.successes, control.n)), wilson.control);
      const difference = available(newcombeDifference(...args));
      expectClose(difference.estimate, newcombe.difference, 'newcombe estimate');
      expectClose(difference.ci, newcombe.ci, 'newcombe ci');
    },
  );

  it.each(reference.srm)('SRM $counts against $weights', ({ counts, weights, ...expected }) => {
    const srm = available(sampleRatioMismatch(counts, weights));
    expectClose(srm.statistic, expected.statistic, 'statistic');
    expectClose(srm.pValue, expected.pValue, 'pValue');
    expect(srm.df).toBe(counts.length - 1);
  });

  it.each(reference.adjust)('p.adjust of $p', ({ p, holm: holmExpected, bh }) => {
    expectClose(holm(p), holmExpected, 'holm');
    expectClose(benjaminiHochberg(p), bh, 'BH');
  });

  it.each(reference.tQuantile)('qt($p, $df)', ({ p, df, t }) => {
    expectClose(tQuantile(p, df), t);
  });
});
