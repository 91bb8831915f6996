/**
 * The small-sample methods against R (scripts/reference/small-sample.R → test/fixtures/
 * r-small-sample.json): clubSandwich's CR2 and Satterthwaite degrees of freedom, the within-task
 * comparison and R's paired t-test, Fieller's interval, Miettinen–Nurminen intervals, exact
 * unconditional p-values, exact permutation p-values, rpact's group-sequential boundaries and
 * repeated p-values.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  clusteredContrast,
  differenceScore,
  exactUnconditionalPValue,
  fiellerInterval,
  groupSequentialBoundaries,
  independentContrast,
  invertTest,
  normalCdf,
  pairedContrast,
  permutationReference,
  ratioScore,
  repeatedPValue,
  absoluteT,
  type Units,
} from '../../src/stats/index.js';
import { expectClose } from './expect-close.js';

const R = JSON.parse(
  readFileSync(new URL('../fixtures/r-small-sample.json', import.meta.url), 'utf8'),
) as {
  clustered: { sessions: Row[]; estimate: number; variance: number; df: number }[];
  paired: { sessions: Row[]; treatment: number; control: number; se: number; df: number }[];
  fieller: {
    treatment: number;
    control: number;
    varT: number;
    varC: number;
    cov: number;
    critical: number;
    ci: [number, number];
  }[];
  mn: {
    x1: number;
    n1: number;
    x0: number;
    n0: number;
    level: number;
    pValue: number;
    difference: [number, number];
    ratio: [number, number];
  }[];
  exact: {
    x1: number;
    n1: number;
    x0: number;
    n0: number;
    kind: 'difference' | 'ratio';
    value: number;
    pValue: number;
  }[];
  permutation: {
    independent: { control: number[]; treatment: number[]; pValue: number; assignments: number }[];
    paired: { control: number[]; treatment: number[]; pValue: number; assignments: number }[];
  };
  groupSequential: { fractions: number[]; alpha: number; boundaries: number[] }[];
  repeatedP: { fractions: number[]; nominalP: number; repeatedP: number }[];
};

interface Row {
  variant: string;
  task: string;
  value: number;
}

/** Sessions as units: clustered sums a task's sessions, paired keeps sessions with their task. */
function unitsOf(rows: Row[], design: 'clustered' | 'paired' | 'independent') {
  const tasks = [...new Set(rows.map((r) => r.task))];
  if (design === 'clustered') {
    const clusters = tasks.map((task) => {
      const of = rows.filter((r) => r.task === task);
      return {
        m: of.reduce((s, r) => s + r.value, 0),
        d: of.length,
        arm: of[0]!.variant === 'warm' ? 1 : 0,
      };
    });
    return build(
      clusters.map((c) => ({ ...c, stratum: 0, size: c.d })),
      1,
    );
  }
  return build(
    rows.map((r) => ({
      m: r.value,
      d: 1,
      size: 1,
      arm: r.variant === 'warm' ? 1 : 0,
      stratum: design === 'paired' ? tasks.indexOf(r.task) : 0,
    })),
    design === 'paired' ? tasks.length : 1,
  );
}

function build(
  rows: { m: number; d: number; size: number; arm: number; stratum: number }[],
  strata: number,
): { units: Units; assignment: Uint8Array } {
  return {
    units: {
      m: Float64Array.from(rows, (r) => r.m),
      d: Float64Array.from(rows, (r) => r.d),
      size: Float64Array.from(rows, (r) => r.size),
      stratum: Int32Array.from(rows, (r) => r.stratum),
      strata,
      events: null,
    },
    assignment: Uint8Array.from(rows, (r) => r.arm),
  };
}

describe('the task-clustered contrast matches clubSandwich (CR2, Satterthwaite)', () => {
  R.clustered.forEach((reference, i) => {
    it(`case ${i + 1}: ${reference.sessions.length} sessions`, () => {
      const { units, assignment } = unitsOf(reference.sessions, 'clustered');
      const contrast = clusteredContrast(units, assignment)!;
      expectClose(contrast.treatment - contrast.control, reference.estimate, 'estimate');
      expectClose(contrast.varT + contrast.varC, reference.variance, 'variance');
      expectClose(contrast.df, reference.df, 'df');
    });
  });
});

describe('the within-task contrast matches its definition written out in R', () => {
  R.paired.forEach((reference, i) => {
    it(`case ${i + 1}: ${reference.sessions.length} sessions`, () => {
      const { units, assignment } = unitsOf(reference.sessions, 'paired');
      const contrast = pairedContrast(units, assignment)!;
      expectClose(contrast.treatment, reference.treatment, 'treatment');
      expectClose(contrast.control, reference.control, 'control');
      const variance = contrast.varT + contrast.varC - 2 * contrast.cov;
      expectClose(Math.sqrt(variance), reference.se, 'se');
      expectClose(contrast.df, reference.df, 'df');
    });
  });
});

describe("Fieller's interval matches R's root finding", () => {
  R.fieller.forEach((reference, i) => {
    it(`case ${i + 1}`, () => {
      const { critical, ci, ...contrast } = reference;
      expectClose(fiellerInterval({ ...contrast, df: Infinity }, critical, false)!, ci);
    });
  });
});

describe('Miettinen–Nurminen score intervals match R', () => {
  R.mn.forEach((reference) => {
    const { x1, n1, x0, n0, level } = reference;
    it(`${x1}/${n1} vs ${x0}/${n0} at ${level}`, () => {
      const data = { x1, n1, x0, n0 };
      const alpha = 1 - level;
      const p = (z: number) => 2 * normalCdf(-Math.abs(z));
      expectClose(p(differenceScore(data, 0)), reference.pValue, 'p');
      const estimate = x1 / n1 - x0 / n0;
      const difference = invertTest(
        (d) => p(differenceScore(data, d)),
        estimate,
        [-1, 1],
        alpha,
        0,
      );
      expectClose(difference as number[], reference.difference, 'difference');
      const ratio = invertTest(
        (r) => p(ratioScore(data, r)),
        x1 / n1 / (x0 / n0),
        [0, Infinity],
        alpha,
        1,
      );
      expectClose(ratio as number[], reference.ratio, 'ratio');
    });
  });

  it("gives Newcombe's (1998) published interval for 56/70 vs 48/80", () => {
    // Newcombe, Statistics in Medicine 17:873, Table II, method 10 (Miettinen–Nurminen).
    const reference = R.mn[0]!;
    expect(reference.difference[0]).toBeCloseTo(0.0528, 4);
    expect(reference.difference[1]).toBeCloseTo(0.3382, 4);
  });
});

describe('exact unconditional p-values match R', () => {
  R.exact.forEach((reference) => {
    const { x1, n1, x0, n0, kind, value } = reference;
    it(`${x1}/${n1} vs ${x0}/${n0}, ${kind} ${value}`, () => {
      const hypothesis =
        kind === 'difference' ? ({ kind, delta: value } as const) : ({ kind, rho: value } as const);
      // R maximises over a grid of 2001 points refined by optimize; ours over 201, refined.
      const p = exactUnconditionalPValue({ x1, n1, x0, n0 }, hypothesis);
      expect(Math.abs(p - reference.pValue)).toBeLessThan(1e-7 * Math.max(1, reference.pValue));
    });
  });
});

describe('exact permutation p-values match an enumeration in R', () => {
  R.permutation.independent.forEach((reference, i) => {
    it(`independent case ${i + 1}: ${reference.assignments} assignments`, () => {
      const rows = [
        ...reference.control.map((value) => ({ m: value, arm: 0 })),
        ...reference.treatment.map((value) => ({ m: value, arm: 1 })),
      ];
      const { units, assignment } = build(
        rows.map((r) => ({ ...r, d: 1, size: 1, stratum: 0 })),
        1,
      );
      const observed = absoluteT(independentContrast(units, assignment)!);
      const reference_ = permutationReference(units, assignment, independentContrast, {
        withinStrata: false,
        draws: 0,
        exactLimit: 100_000,
        seed: 1,
      });
      expect(reference_.exact).toBe(true);
      expect(reference_.size).toBe(reference.assignments);
      expectClose(reference_.pValue(observed), reference.pValue, 'p');
    });
  });

  R.permutation.paired.forEach((reference, i) => {
    it(`paired case ${i + 1}: ${reference.assignments} sign flips`, () => {
      const rows = reference.control.flatMap((value, task) => [
        { m: value, arm: 0, stratum: task },
        { m: reference.treatment[task]!, arm: 1, stratum: task },
      ]);
      const { units, assignment } = build(
        rows.map((r) => ({ ...r, d: 1, size: 1 })),
        reference.control.length,
      );
      const observed = absoluteT(pairedContrast(units, assignment)!);
      const permutations = permutationReference(units, assignment, pairedContrast, {
        withinStrata: true,
        draws: 0,
        exactLimit: 100_000,
        seed: 1,
      });
      expect(permutations.size).toBe(reference.assignments);
      expectClose(permutations.pValue(observed), reference.pValue, 'p');
    });
  });
});

describe('group-sequential boundaries match rpact', () => {
  R.groupSequential.forEach((reference) => {
    it(`fractions ${reference.fractions.join(', ')} at alpha ${reference.alpha}`, () => {
      const looks = groupSequentialBoundaries(reference.fractions, reference.alpha);
      looks.forEach((look, k) => {
        // rpact integrates on its own grid; the two agree to about 1e-7.
        expect(Math.abs(look.boundary - reference.boundaries[k]!)).toBeLessThan(2e-6);
      });
      expect(looks.at(-1)!.spent).toBeCloseTo(reference.alpha, 12);
    });
  });

  R.repeatedP.forEach((reference) => {
    it(`the repeated p-value of p = ${reference.nominalP} at fractions ${reference.fractions.join(', ')}`, () => {
      const p = repeatedPValue(reference.fractions, reference.nominalP);
      // A tabulated, interpolated function: accurate to about 1e-4 relative.
      expect(Math.abs(p - reference.repeatedP) / reference.repeatedP).toBeLessThan(5e-4);
    });
  });
});
