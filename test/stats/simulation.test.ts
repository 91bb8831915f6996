import { describe, expect, it } from 'vitest';
import {
  fisherExact,
  isUnavailable,
  mannWhitneyTest,
  ratioArm,
  ratioDifference,
  welchTest,
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

function rate(runs: number, trial: (random: Random) => boolean, seed: number): number {
  const random = seededRandom(seed);
  let hits = 0;
  for (let i = 0; i < runs; i++) if (trial(random)) hits++;
  return hits / runs;
}

describe('Welch 95% interval coverage, n = 20 per arm', () => {
  it('covers the true difference of normal means', () => {
    const coverage = rate(
      RUNS,
      (r) => {
        const treatment = sample(20, () => r.normal(10.5, 3));
        const control = sample(20, () => r.normal(10, 1.5));
        return covers(available(welchTest(treatment, control)).ci, 0.5);
      },
      1,
    );
    expect(coverage).toBeGreaterThanOrEqual(0.93);
    expect(coverage).toBeLessThanOrEqual(0.965);
  });

  it('covers the true difference of log-normal means', () => {
    // E[exp(N(μ, σ²))] = exp(μ + σ²/2).
    const truth = Math.exp(0.2 + 0.5 ** 2 / 2) - Math.exp(0 + 0.5 ** 2 / 2);
    const coverage = rate(
      RUNS,
      (r) => {
        const treatment = sample(20, () => r.logNormal(0.2, 0.5));
        const control = sample(20, () => r.logNormal(0, 0.5));
        return covers(available(welchTest(treatment, control)).ci, truth);
      },
      2,
    );
    expect(coverage).toBeGreaterThanOrEqual(0.93);
    expect(coverage).toBeLessThanOrEqual(0.965);
  });
});

describe('false-positive rate under the null at alpha 0.05', () => {
  it('Welch rejects about 5% of normal A/A tests', () => {
    const falsePositives = rate(
      RUNS,
      (r) => {
        const treatment = sample(20, () => r.normal(5, 2));
        const control = sample(20, () => r.normal(5, 2));
        return available(welchTest(treatment, control)).pValue <= ALPHA;
      },
      3,
    );
    expect(falsePositives).toBeLessThanOrEqual(ALPHA + band(ALPHA));
    expect(falsePositives).toBeGreaterThanOrEqual(ALPHA - band(ALPHA));
  });

  it('Mann-Whitney (exact, 20 vs 20) rejects at most 5%', () => {
    const falsePositives = rate(
      RUNS,
      (r) => {
        const treatment = sample(20, () => r.logNormal(0, 1));
        const control = sample(20, () => r.logNormal(0, 1));
        const test = available(mannWhitneyTest(treatment, control));
        expect(test.method).toBe('exact');
        return test.pValue <= ALPHA;
      },
      4,
    );
    // The exact test's size is the largest attainable level ≤ 0.05: for 20 vs 20 it rejects
    // U ≤ 127 or U ≥ 273, with size 2·pwilcox(127, 20, 20) = 0.04909 in R.
    const size = 0.04909;
    expect(falsePositives).toBeLessThanOrEqual(size + band(size));
    expect(falsePositives).toBeGreaterThanOrEqual(size - band(size));
  });

  it("Fisher's exact test rejects at most 5%, close to its exact size", () => {
    const n = 50;
    const p = 0.3;
    // Exact size of the test: the null probability of all tables it rejects, enumerated with
    // binomial probabilities (Fisher's test is conservative, so this is below 0.05).
    const binomial = binomialPmf(n, p);
    let size = 0;
    for (let sT = 0; sT <= n; sT++) {
      for (let sC = 0; sC <= n; sC++) {
        if (available(fisherExact(sT, n, sC, n)).pValue <= ALPHA) {
          size += (binomial[sT] as number) * (binomial[sC] as number);
        }
      }
    }
    expect(size).toBeLessThanOrEqual(ALPHA);
    expect(size).toBeGreaterThan(0.02);
    const falsePositives = rate(
      RUNS,
      (r) => available(fisherExact(r.binomial(n, p), n, r.binomial(n, p), n)).pValue <= ALPHA,
      5,
    );
    expect(falsePositives).toBeLessThanOrEqual(size + band(size));
    expect(falsePositives).toBeGreaterThanOrEqual(size - band(size));
  });
});

describe('delta-method ratio interval coverage, n = 100 sessions per arm', () => {
  it('covers the true difference of error rates per tool call at least 93% of the time', () => {
    // Tool calls ~ Poisson(6), errors ~ Binomial(calls, rate): the true ratio is the rate.
    const arm = (r: Random, errorRate: number) => {
      const calls = sample(100, () => r.poisson(6));
      const errors = calls.map((c) => r.binomial(c, errorRate));
      return available(ratioArm(errors, calls));
    };
    const coverage = rate(
      RUNS,
      (r) => {
        const difference = ratioDifference(arm(r, 0.12), arm(r, 0.08));
        return !isUnavailable(difference) && covers(difference.ci, 0.04);
      },
      6,
    );
    expect(coverage).toBeGreaterThanOrEqual(0.93);
    expect(coverage).toBeLessThanOrEqual(0.965);
  });
});

function binomialPmf(n: number, p: number): number[] {
  const pmf = [(1 - p) ** n];
  for (let k = 1; k <= n; k++) pmf.push(((pmf[k - 1] as number) * (n - k + 1) * p) / (k * (1 - p)));
  return pmf;
}
