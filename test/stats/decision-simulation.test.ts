import { describe, expect, it } from 'vitest';
import {
  clusteredDifference,
  clusteredMean,
  normalQuantile,
  pairedDifference,
  sequentialInterval,
  welchFromMoments,
} from '../../src/stats/index.js';
import type { Interval } from '../../src/stats/index.js';
import { sample, seededRandom } from './random.js';
import type { Random } from './random.js';
import { available } from './unwrap.js';

const ALPHA = 0.05;
const RUNS = 4000;
/** Half-width of a two-sided 99.9% binomial band around rate p over RUNS trials. */
const band = (p: number): number => 3.29 * Math.sqrt((p * (1 - p)) / RUNS);

const covers = ([lower, upper]: Interval, truth: number): boolean =>
  lower <= truth && truth <= upper;

/** Running mean and sample variance (Welford). */
class Moments {
  n = 0;
  mean = 0;
  private squares = 0;

  add(value: number): void {
    this.n++;
    const delta = value - this.mean;
    this.mean += delta / this.n;
    this.squares += delta * (value - this.mean);
  }

  get variance(): number {
    return this.squares / (this.n - 1);
  }
}

describe('peeking after every batch under A/A (20 looks, 10 sessions per arm per look)', () => {
  const LOOKS = 20;
  const BATCH = 10;
  const expectedSessions = 2 * LOOKS * BATCH;

  /** For one A/A experiment: did any look reject with the sequential and with the Welch test? */
  function peek(random: Random): { sequential: boolean; welch: boolean } {
    const treatment = new Moments();
    const control = new Moments();
    let sequential = false;
    let welch = false;
    for (let look = 0; look < LOOKS; look++) {
      for (let i = 0; i < BATCH; i++) {
        treatment.add(random.normal(3, 1.5));
        control.add(random.normal(3, 1.5));
      }
      const test = available(
        welchFromMoments({
          meanT: treatment.mean,
          varT: treatment.variance,
          nT: treatment.n,
          meanC: control.mean,
          varC: control.variance,
          nC: control.n,
        }),
      );
      if (test.pValue < ALPHA) welch = true;
      const always = available(
        sequentialInterval({
          estimate: test.estimate,
          se: test.se,
          n: treatment.n + control.n,
          alpha: ALPHA,
          expectedSessions,
        }),
      );
      if (always.pValue < ALPHA) sequential = true;
    }
    return { sequential, welch };
  }

  it('the confidence sequence keeps the false-positive rate at α; Welch at any look does not', () => {
    const random = seededRandom(2024);
    let sequential = 0;
    let welch = 0;
    for (let run = 0; run < RUNS; run++) {
      const result = peek(random);
      if (result.sequential) sequential++;
      if (result.welch) welch++;
    }
    // Seed 2024: 0.013 for the confidence sequence, 0.253 for Welch at any of the 20 looks.
    expect(sequential / RUNS).toBeLessThanOrEqual(ALPHA + band(ALPHA));
    expect(welch / RUNS).toBeGreaterThan(3 * ALPHA);
  });
});

describe('clustered standard errors with strong task effects (ICC 0.3)', () => {
  const TASKS = 20;
  const SESSIONS = 5;
  const ICC = 0.3;

  /** One arm: TASKS tasks with normal task effects, SESSIONS sessions each, total variance 1. */
  function arm(random: Random, shift: number) {
    const effects = sample(TASKS, () => random.normal(0, Math.sqrt(ICC)));
    const values = new Float64Array(TASKS * SESSIONS);
    const ids = new Int32Array(TASKS * SESSIONS);
    for (let i = 0; i < values.length; i++) {
      const task = Math.floor(i / SESSIONS);
      ids[i] = task;
      values[i] = shift + (effects[task] as number) + random.normal(0, Math.sqrt(1 - ICC));
    }
    return available(clusteredMean(values, ids));
  }

  it('the clustered interval covers about 95%, the naive one clearly less', () => {
    // More runs than elsewhere: with 20 clusters per arm Miller's SE (no small-sample correction)
    // covers about 0.935, so the 0.93 floor needs a Monte Carlo sd well below 0.005.
    const runs = 20_000;
    const random = seededRandom(77);
    const truth = 0.2;
    const z = normalQuantile(0.975);
    let clustered = 0;
    let naive = 0;
    for (let run = 0; run < runs; run++) {
      const armT = arm(random, truth);
      const armC = arm(random, 0);
      const difference = available(clusteredDifference(armT, armC));
      if (covers(difference.ci, truth)) clustered++;
      const naiveSe = Math.hypot(armT.naiveSe, armC.naiveSe);
      if (Math.abs(difference.estimate - truth) <= z * naiveSe) naive++;
    }
    // Seed 77: clustered 0.935, naive 0.805 (design effect 1 + (5 − 1)·0.3 = 2.2).
    expect(clustered / runs).toBeGreaterThanOrEqual(0.93);
    expect(clustered / runs).toBeLessThanOrEqual(0.965);
    expect(naive / runs).toBeLessThan(clustered / runs - 0.05);
  });
});

describe('paired comparison of task means', () => {
  it('the paired 95% interval covers the true difference', () => {
    const random = seededRandom(31);
    const truth = 0.05;
    let hits = 0;
    for (let run = 0; run < RUNS; run++) {
      // 30 tasks with success rates around 0.6 that both arms share, plus per-arm noise.
      const difficulty = sample(30, () => random.normal(0.6, 0.2));
      const treatment = difficulty.map((d) => d + truth + random.normal(0, 0.08));
      const control = difficulty.map((d) => d + random.normal(0, 0.08));
      if (covers(available(pairedDifference(treatment, control)).ci, truth)) hits++;
    }
    expect(hits / RUNS).toBeGreaterThanOrEqual(0.93);
    expect(hits / RUNS).toBeLessThanOrEqual(0.965);
  });
});
