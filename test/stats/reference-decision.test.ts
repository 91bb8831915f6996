import { afterAll, describe, expect, it } from 'vitest';
import {
  capAtPercentile,
  chanceToBeat,
  clusteredDifference,
  clusteredMean,
  mixtureTuning,
  pairedDifference,
  pairedMinimumDetectableEffect,
  pairedSessionsNeeded,
  sequentialInterval,
} from '../../src/stats/index.js';
import { expectClose, worstRelativeErrorSeen } from './expect-close.js';
import { loadReference } from './r-reference.js';
import { available } from './unwrap.js';

type Pair = [number, number];

interface ClusteredArmReference {
  n: number;
  mean: number;
  se: number;
  naiveSe: number;
  clusters: number;
  designEffect: number;
}

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
  paired: {
    treatment: number[];
    control: number[];
    level: number;
    tasks: number;
    estimate: number;
    se: number;
    statistic: number;
    df: number;
    pValue: number;
    ci: Pair;
    correlation: number;
    varianceSaved: number;
  }[];
  clustered: {
    treatment: { values: number[]; clusterIds: (string | number)[] };
    control: { values: number[]; clusterIds: (string | number)[] };
    level: number;
    treatmentArm: ClusteredArmReference;
    controlArm: ClusteredArmReference;
    difference: { estimate: number; se: number; statistic: number; pValue: number; ci: Pair };
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
  pairedPower: {
    sessions: {
      varianceOfDifferences: number;
      delta: number;
      alpha: number;
      power: number;
      unrounded: number;
      tasks: number;
    }[];
    mde: {
      varianceOfDifferences: number;
      tasks: number;
      alpha: number;
      power: number;
      mde: number;
    }[];
  };
}

// Computed by scripts/reference/stats-decision.R.
const reference = loadReference<DecisionReference>('../fixtures/r-stats-decision.json');

describe('r-stats-decision.json (R reference values for the decision statistics)', () => {
  afterAll(() => {
    console.info(`r-stats-decision.json: worst relative error vs R ${worstRelativeErrorSeen()}`);
  });

  it.each(reference.confidenceSequence)(
    'confidence sequence: Δ = $estimate, se $se, n $n of N* $expectedSessions, α $alpha',
    (c) => {
      expectClose(mixtureTuning(c.alpha, c.expectedSessions), c.rho, 'rho');
      const result = available(sequentialInterval(c));
      expectClose(result.halfWidth, c.halfWidth, 'halfWidth');
      expectClose(result.halfWidth / c.se, c.multiplier, 'multiplier');
      expectClose(result.ci, c.ci, 'ci');
      expectClose(result.pValue, c.pValue, 'pValue');
    },
  );

  it.each(reference.paired.map((c, i) => ({ ...c, i })))(
    "paired t-test of task means, as R's t.test(paired = TRUE), case $i",
    (c) => {
      const result = available(pairedDifference(c.treatment, c.control, c.level));
      expect(result.tasks).toBe(c.tasks);
      expect(result.df).toBe(c.df);
      expectClose(result.estimate, c.estimate, 'estimate');
      expectClose(result.se, c.se, 'se');
      expectClose(result.statistic, c.statistic, 'statistic');
      expectClose(result.pValue, c.pValue, 'pValue');
      expectClose(result.ci, c.ci, 'ci');
      expectClose(result.correlation as number, c.correlation, 'correlation');
      expectClose(result.varianceSaved, c.varianceSaved, 'varianceSaved');
    },
  );

  it.each(reference.clustered.map((c, i) => ({ ...c, i })))(
    'clustered standard errors against the double sum written out in R, case $i',
    (c) => {
      const armT = available(clusteredMean(c.treatment.values, c.treatment.clusterIds));
      const armC = available(clusteredMean(c.control.values, c.control.clusterIds));
      for (const [arm, expected] of [
        [armT, c.treatmentArm],
        [armC, c.controlArm],
      ] as const) {
        expect(arm.n).toBe(expected.n);
        expect(arm.clusters).toBe(expected.clusters);
        expectClose(arm.mean, expected.mean, 'mean');
        expectClose(arm.se, expected.se, 'se');
        expectClose(arm.naiveSe, expected.naiveSe, 'naiveSe');
        expectClose(arm.designEffect, expected.designEffect, 'designEffect');
      }
      const difference = available(clusteredDifference(armT, armC, c.level));
      expectClose(difference.estimate, c.difference.estimate, 'estimate');
      expectClose(difference.se, c.difference.se, 'se');
      expectClose(difference.statistic, c.difference.statistic, 'statistic');
      expectClose(difference.pValue, c.difference.pValue, 'pValue');
      expectClose(difference.ci, c.difference.ci, 'ci');
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

  it.each(reference.pairedPower.sessions)(
    'paired tasks needed for δ = $delta, Var(d) = $varianceOfDifferences',
    ({ tasks, unrounded, ...inputs }) => {
      expect(pairedSessionsNeeded(inputs)).toBe(tasks);
      expect(Math.ceil(unrounded)).toBe(tasks);
    },
  );

  it.each(reference.pairedPower.mde)(
    'paired minimum detectable effect over $tasks tasks',
    ({ mde, ...inputs }) => {
      expectClose(available(pairedMinimumDetectableEffect(inputs)), mde);
    },
  );
});
