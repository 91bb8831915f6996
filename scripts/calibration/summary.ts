/** Rates over many simulated experiments, each with its Wilson 95% interval. */
import { wilsonInterval } from '../../src/stats/index.js';
import type { Interval } from '../../src/stats/index.js';
import type { Outcome } from './experiment.js';
import type { Regime } from './regimes.js';
import { SEQUENTIAL_METHODS, type Trajectory } from './sequential.js';

export interface Rate {
  hits: number;
  n: number;
  /** hits / n, NaN when n = 0. */
  value: number;
  /** Wilson 95% interval; [NaN, NaN] when n = 0. */
  ci: Interval;
}

export function rate(hits: number, n: number): Rate {
  const ci = n === 0 ? ([NaN, NaN] as Interval) : (wilsonInterval(hits, n) as Interval);
  return { hits, n, value: n === 0 ? NaN : hits / n, ci };
}

/** The share of `items` for which `test` holds, over those where `counted` does. */
export function share<T>(
  items: readonly T[],
  test: (item: T) => boolean,
  counted: (item: T) => boolean = () => true,
): Rate {
  let hits = 0;
  let n = 0;
  for (const item of items) {
    if (!counted(item)) continue;
    n++;
    if (test(item)) hits++;
  }
  return rate(hits, n);
}

export interface RegimeSummary {
  regime: Regime;
  /** The designs the analysis chose, with their counts over both scenarios. */
  designs: Record<string, number>;
  aa: {
    falseVerdicts: Rate;
    covered: Rate;
    undefined: number;
  };
  effect: {
    power: Rate;
    coveredDifference: Rate;
    coveredRatio: Rate;
    undefined: number;
  };
}

export function summarizeRegime(
  regime: Regime,
  aa: readonly Outcome[],
  effect: readonly Outcome[],
): RegimeSummary {
  const designs: Record<string, number> = {};
  for (const o of [...aa, ...effect]) designs[o.design] = (designs[o.design] ?? 0) + 1;
  const covered = (o: Outcome) => o.coveredDifference ?? o.coveredRatio ?? false;
  return {
    regime,
    designs,
    aa: {
      falseVerdicts: share(aa, (o) => o.verdict === 'adopt' || o.verdict === 'reject'),
      covered: share(aa, covered),
      undefined: aa.filter((o) => !o.defined).length,
    },
    effect: {
      power: share(effect, (o) => o.verdict === regime.expected),
      coveredDifference: share(
        effect,
        (o) => o.coveredDifference === true,
        (o) => o.coveredDifference !== null,
      ),
      coveredRatio: share(
        effect,
        (o) => o.coveredRatio === true,
        (o) => o.coveredRatio !== null,
      ),
      undefined: effect.filter((o) => !o.defined).length,
    },
  };
}

export interface SequentialSummary {
  methods: {
    method: string;
    aaDecided: Rate;
    power: Rate;
    medianFirstLook: number | null;
    coveredFinal: Rate;
    coveredAll: Rate;
  }[];
  fixed: { aaDecided: Rate; power: Rate; covered: Rate };
}

export function summarizeSequential(
  aa: readonly Trajectory[],
  effect: readonly Trajectory[],
): SequentialSummary {
  return {
    methods: SEQUENTIAL_METHODS.map((method, m) => ({
      method,
      aaDecided: share(aa, (t) => t.first[m] !== null),
      power: share(effect, (t) => t.first[m]?.verdict === 'adopt'),
      medianFirstLook: median(
        effect.flatMap((t) => (t.first[m]?.verdict === 'adopt' ? [t.first[m]!.look] : [])),
      ),
      coveredFinal: share(effect, (t) => t.coveredFinal[m]!),
      coveredAll: share(effect, (t) => t.coveredAll[m]!),
    })),
    fixed: {
      aaDecided: share(aa, (t) => t.fixed.verdict === 'adopt' || t.fixed.verdict === 'reject'),
      power: share(effect, (t) => t.fixed.verdict === 'adopt'),
      covered: share(effect, (t) => t.fixed.coveredDifference === true),
    },
  };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
