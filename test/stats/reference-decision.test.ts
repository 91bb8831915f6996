import { afterAll, describe, expect, it } from 'vitest';
import { lookLevel } from '../../src/analysis/look-level.js';
import { capAtPercentile, chanceToBeat, mixtureTuning, normalCdf } from '../../src/stats/index.js';
import { expectClose, worstRelativeErrorSeen } from './expect-close.js';
import { loadReference } from './r-reference.js';
import { available } from './unwrap.js';

type Pair = [number, number];

interface DecisionReference {
  confidenceSequence: {
    estimate: number;
    se: number;
    n: number;
    alpha: number;
    expectedSessions: number;
    rho: number;
    halfWidth: number;
    multiplier: number;
    ci: Pair;
    pValue: number;
  }[];
  capping: {
    control: number[];
    treatment: number[];
    percentile: number;
    cap: number;
    cappedControl: number[];
    cappedTreatment: number[];
    cappedCount: number;
  }[];
  chanceToBeat: { estimate: number; se: number; better: 'higher' | 'lower'; probability: number }[];
}

// Computed by scripts/reference/stats-decision.R.
const reference = loadReference<DecisionReference>('../fixtures/r-stats-decision.json');

describe('r-stats-decision.json (R reference values for the decision statistics)', () => {
  afterAll(() => {
    console.info(`r-stats-decision.json: worst relative error vs R ${worstRelativeErrorSeen()}`);
  });

  it.each(reference.confidenceSequence)(
    'always-valid: Δ = $estimate, se $se, n $n of N* $expectedSessions, α $alpha',
    (c) => {
      expectClose(mixtureTuning(c.alpha, c.expectedSessions), c.rho, 'rho');
      const look = lookLevel(
        { method: 'always-valid', alpha: c.alpha, expectedSessions: c.expectedSessions },
        [],
        c.n,
      );
      // The nominal level of a look is the boundary's multiplier read under a normal…
      expectClose(look.nominalAlpha(c.n), 2 * normalCdf(-c.multiplier), 'nominal level');
      // …and the sequence's p-value comes from the z of the same tail as the fixed p-value.
      const fixedP = 2 * normalCdf(-Math.abs(c.estimate / c.se));
      expectClose(look.pValue(fixedP, c.n), c.pValue, 'pValue');
    },
  );

  it.each(reference.capping.map((c, i) => ({ ...c, i })))(
    'pooled cap at percentile $percentile, as quantile(type = 7), case $i',
    (c) => {
      const result = available(capAtPercentile(c.control, c.treatment, c.percentile));
      expectClose(result.cap, c.cap, 'cap');
      expect(result.cappedCount).toBe(c.cappedCount);
      expectClose(Array.from(result.control), c.cappedControl, 'control');
      expectClose(Array.from(result.treatment), c.cappedTreatment, 'treatment');
    },
  );

  it.each(reference.chanceToBeat)(
    'chance to beat: Δ = $estimate, se $se, $better is better',
    ({ probability, ...inputs }) => {
      expectClose(available(chanceToBeat(inputs)), probability);
    },
  );
});
