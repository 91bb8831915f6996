import { describe, expect, it } from 'vitest';
import { rankSum } from '../../src/stats/rank-sum.js';
import { sample, seededRandom } from './random.js';

/** Mid-ranks by definition: each value's rank is 1 + the values below it + (ties − 1) / 2. */
function naiveRankSum(treatment: number[], control: number[]) {
  const pooled = [...treatment, ...control];
  const rank = (v: number) =>
    1 + pooled.filter((x) => x < v).length + (pooled.filter((x) => x === v).length - 1) / 2;
  const groups = new Map<number, number>();
  for (const v of pooled) groups.set(v, (groups.get(v) ?? 0) + 1);
  return {
    rankSumT: treatment.reduce((sum, v) => sum + rank(v), 0),
    tieTerm: [...groups.values()].reduce((sum, t) => sum + t ** 3 - t, 0),
    distinctValues: groups.size,
  };
}

describe('rankSum', () => {
  const random = seededRandom(11);
  const counts = (n: number, mean: number) => [
    ...sample(n, () => Math.floor(-mean * Math.log(1 - random.uniform()))),
  ];

  it('gives the mid-rank sum, tie term and distinct values of their definition', () => {
    for (const [t, c] of <number[][][]>[
      [counts(30, 2), counts(45, 3)],
      [[...sample(20, () => random.normal(0, 1))], [...sample(25, () => random.normal(0.5, 1))]],
      [
        [0, 1, 1, 0, 1],
        [0, 0, 0, 1],
      ],
      [
        [-3, 7, 7],
        [7, -3, 1000],
      ],
    ]) {
      expect(rankSum(t!, c!)).toEqual(naiveRankSum(t!, c!));
    }
  });

  it('counting few distinct values gives the mid-ranks of their definition', () => {
    // Error rates of sessions of 1 to 12 tool calls: fractions with many ties, and -0 with 0.
    const rates = (n: number, p: number) => [
      ...sample(n, () => {
        const calls = 1 + Math.floor(random.uniform() * 12);
        return Math.floor(random.uniform() * calls * p) / calls;
      }),
    ];
    const t = [...rates(800, 0.3), -0];
    const c = rates(700, 0.2);
    expect(rankSum(t, c).distinctValues).toBeLessThan(1500 / 16);
    expect(rankSum(t, c)).toEqual(naiveRankSum(t, c));
  });

  it('counting whole values gives exactly what sorting gives', () => {
    // Shifting every value by one half keeps the ranks and makes the values non-integers,
    // which are sorted; the whole values themselves are counted.
    for (const mean of [0.3, 2, 50]) {
      const t = counts(4000, mean);
      const c = counts(3000, mean * 1.1);
      const half = (values: number[]) => values.map((v) => v + 0.5);
      expect(rankSum(t, c)).toStrictEqual(rankSum(half(t), half(c)));
    }
  });
});
