/** Rates over many simulated experiments, each with its Wilson 95% interval. */
import { wilsonInterval } from '../../src/stats/index.js';
import type { Interval } from '../../src/stats/index.js';
import type { Trajectory } from './simulate.js';

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

/** The share of `items` for which `test` holds. */
export function share<T>(items: readonly T[], test: (item: T) => boolean): Rate {
  let hits = 0;
  for (const item of items) if (test(item)) hits++;
  return rate(hits, items.length);
}

/** What one analysis mode concluded over the experiments of one scenario. */
export interface ModeSummary {
  experiments: number;
  /** Significant (either way) at any look; at the last look alone. */
  anyLook: Rate;
  finalLook: Rate;
  /** Significant (either way) at one of the first k looks, k = 1, 2, …, by index k − 1. */
  byLook: Rate[];
  /** Significantly better at any look; at the last look; median first look of it (detected only). */
  powerAnyLook: Rate;
  powerFinalLook: Rate;
  medianFirstDetection: number | null;
  /** Significantly worse at some look: the wrong direction, for an effect that helps. */
  wrongDirection: Rate;
  /** The interval held the true difference at the last look; at every look. */
  coverageFinal: Rate;
  coverageAll: Rate;
  /** Looks, over all experiments, with no p-value or interval. */
  undefinedLooks: number;
  /** Share of looks analysed as paired by task. */
  pairedShare: number;
}

export function summarize(trajectories: readonly Trajectory[], looks: number): ModeSummary {
  const byLook = Array.from({ length: looks }, (_, k) =>
    share(trajectories, (t) => t.firstSignificant !== null && t.firstSignificant <= k + 1),
  );
  const detections = trajectories
    .map((t) => t.firstBetter)
    .filter((look): look is number => look !== null);
  let paired = 0;
  let all = 0;
  for (const t of trajectories) {
    paired += t.designs.paired;
    all += t.designs.paired + t.designs.clustered + t.designs.independent;
  }
  return {
    experiments: trajectories.length,
    anyLook: share(trajectories, (t) => t.firstSignificant !== null),
    finalLook: share(trajectories, (t) => t.finalSignificant),
    byLook,
    powerAnyLook: share(trajectories, (t) => t.firstBetter !== null),
    powerFinalLook: share(trajectories, (t) => t.finalBetter),
    medianFirstDetection: median(detections),
    wrongDirection: share(trajectories, (t) => t.anyWorse),
    coverageFinal: share(trajectories, (t) => t.coveredFinal),
    coverageAll: share(trajectories, (t) => t.coveredAll),
    undefinedLooks: trajectories.reduce((sum, t) => sum + t.undefinedLooks, 0),
    pairedShare: all === 0 ? NaN : paired / all,
  };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
