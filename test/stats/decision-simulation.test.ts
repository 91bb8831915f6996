/**
 * The small-sample methods by simulation, directly (the full grid through `analyze()` is
 * `npm run calibrate`): each keeps its error rate where the classical method it replaces does not.
 */
import { describe, expect, it } from 'vitest';
import {
  absoluteT,
  clusteredContrast,
  differenceOf,
  groupSequentialBoundaries,
  independentContrast,
  isUnavailable,
  pairedContrast,
  permutationReference,
  tCdf,
  tQuantile,
  welchFromMoments,
  type Assignment,
  type Units,
} from '../../src/stats/index.js';
import { seededRandom } from './random.js';

const ALPHA = 0.05;
/** Upper end of a two-sided 99.9% binomial band around ALPHA over `runs` trials. */
const ceiling = (runs: number): number => ALPHA + 3.29 * Math.sqrt((ALPHA * (1 - ALPHA)) / runs);

function unitsOf(
  rows: { m: number; arm: number; stratum?: number; d?: number }[],
  strata = 1,
): { units: Units; assignment: Assignment } {
  return {
    units: {
      m: Float64Array.from(rows, (r) => r.m),
      d: Float64Array.from(rows, (r) => r.d ?? 1),
      size: Float64Array.from(rows, (r) => r.d ?? 1),
      stratum: Int32Array.from(rows, (r) => r.stratum ?? 0),
      strata,
      events: null,
    },
    assignment: Uint8Array.from(rows, (r) => r.arm),
  };
}

describe('looking after every batch under A/A (20 looks, 10 sessions per arm per look)', () => {
  const LOOKS = 20;
  const RUNS = 3000;
  const fractions = Array.from({ length: LOOKS }, (_, i) => (i + 1) / LOOKS);
  const boundaries = groupSequentialBoundaries(fractions, ALPHA);

  it("the group-sequential boundaries keep the error rate at alpha; Welch's t at every look does not", () => {
    const random = seededRandom(11);
    let sequential = 0;
    let naive = 0;
    for (let run = 0; run < RUNS; run++) {
      const sums = [0, 0];
      const squares = [0, 0];
      let crossed = false;
      let any = false;
      for (let look = 0; look < LOOKS; look++) {
        for (let i = 0; i < 10; i++) {
          for (const arm of [0, 1]) {
            const x = random.normal(3, 1.5);
            sums[arm] = sums[arm]! + x;
            squares[arm] = squares[arm]! + x * x;
          }
        }
        const n = 10 * (look + 1);
        const variance = (arm: number) => (squares[arm]! - (sums[arm]! * sums[arm]!) / n) / (n - 1);
        const welch = welchFromMoments({
          meanT: sums[1]! / n,
          varT: variance(1),
          nT: n,
          meanC: sums[0]! / n,
          varC: variance(0),
          nC: n,
        });
        const p = isUnavailable(welch) ? 1 : welch.pValue;
        if (p < boundaries[look]!.nominalAlpha) crossed = true;
        if (p < ALPHA) any = true;
      }
      if (crossed) sequential++;
      if (any) naive++;
    }
    expect(sequential / RUNS).toBeLessThanOrEqual(ceiling(RUNS));
    expect(naive / RUNS).toBeGreaterThan(0.15);
  });
});

describe('few tasks with large task effects (6 tasks per arm, 4 sessions each, ICC 0.5)', () => {
  it('the CR2 interval with Satterthwaite degrees of freedom covers the truth', () => {
    const random = seededRandom(12);
    const RUNS = 3000;
    let covered = 0;
    for (let run = 0; run < RUNS; run++) {
      const rows: { m: number; arm: number; d: number }[] = [];
      for (const arm of [0, 1]) {
        for (let task = 0; task < 6; task++) {
          const effect = random.normal(0, 1);
          let sum = 0;
          for (let s = 0; s < 4; s++) sum += 10 + arm * 0.5 + effect + random.normal(0, 1);
          rows.push({ m: sum, arm, d: 4 });
        }
      }
      const { units, assignment } = unitsOf(rows);
      const contrast = clusteredContrast(units, assignment)!;
      const { estimate, se } = differenceOf(contrast);
      const half = tQuantile(1 - ALPHA / 2, contrast.df) * se;
      if (estimate - half <= 0.5 && 0.5 <= estimate + half) covered++;
    }
    expect(covered / RUNS).toBeGreaterThan(0.94);
  });
});

describe('tasks both arms ran (5 tasks, 3 sessions each per arm, large task effects)', () => {
  it('the within-task interval covers the difference on those tasks', () => {
    const random = seededRandom(13);
    const RUNS = 3000;
    let covered = 0;
    for (let run = 0; run < RUNS; run++) {
      const rows: { m: number; arm: number; stratum: number }[] = [];
      for (let task = 0; task < 5; task++) {
        const effect = random.normal(0, 5);
        for (const arm of [0, 1]) {
          for (let s = 0; s < 3; s++) {
            rows.push({ m: effect + arm * 0.8 + random.normal(0, 1), arm, stratum: task });
          }
        }
      }
      const { units, assignment } = unitsOf(rows, 5);
      const contrast = pairedContrast(units, assignment)!;
      const { estimate, se } = differenceOf(contrast);
      const half = tQuantile(1 - ALPHA / 2, contrast.df) * se;
      if (estimate - half <= 0.8 && 0.8 <= estimate + half) covered++;
    }
    expect(covered / RUNS).toBeGreaterThan(0.94);
  });
});

describe('8 vs 32 sessions of a heavy-tailed metric under A/A', () => {
  it("the permutation test keeps alpha where Welch's t does not", () => {
    const random = seededRandom(14);
    const RUNS = 1500;
    let permutation = 0;
    let welch = 0;
    for (let run = 0; run < RUNS; run++) {
      const rows = Array.from({ length: 40 }, (_, i) => ({
        m: Math.exp(1.5 * random.normal(0, 1)),
        arm: i < 8 ? 0 : 1,
      }));
      const { units, assignment } = unitsOf(rows);
      const contrast = independentContrast(units, assignment)!;
      if (2 * tCdf(-absoluteT(contrast), contrast.df) < ALPHA) welch++;
      const reference = permutationReference(units, assignment, independentContrast, {
        withinStrata: false,
        draws: 999,
        exactLimit: 0,
        seed: run,
      });
      if (reference.pValue(absoluteT(contrast)) < ALPHA) permutation++;
    }
    expect(permutation / RUNS).toBeLessThanOrEqual(ceiling(RUNS));
    expect(welch / RUNS).toBeGreaterThan(ceiling(RUNS));
  });
});
