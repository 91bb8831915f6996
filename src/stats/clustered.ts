import { allFinite, assertLevel } from './checks.js';
import { normalCdf, normalQuantile } from './distributions.js';
import { mean } from './moments.js';
import { unavailable } from './result.js';
import type { Interval, Maybe } from './result.js';

export interface ClusteredMean {
  readonly n: number;
  readonly mean: number;
  /** Cluster-robust standard error of the mean (Miller eq. 4). */
  readonly se: number;
  /** The standard error that ignores clusters: √(Σ(sᵢ − s̄)²/n²). */
  readonly naiveSe: number;
  /** The number of distinct cluster ids. */
  readonly clusters: number;
  /** se²/naiveSe²: how many times the clusters inflate the variance of the mean (Kish). */
  readonly designEffect: number;
}

/**
 * Mean with a cluster-robust standard error, for values that come in groups (the same task run
 * several times), after Miller, "Adding Error Bars to Evals", eq. 4:
 *   SE²c = SE² + (1/n²)·Σc Σi Σj≠i (sᵢc − s̄)(sⱼc − s̄),
 * with Miller's population-style SE² = Var(s)/n = Σ(sᵢ − s̄)²/n² (divisor n, no small-sample
 * correction). Per cluster the cross term is computed in O(n) as (Σᵢ rᵢc)² − Σᵢ rᵢc² with
 * rᵢc = sᵢc − s̄, so that SE²c = (1/n²)·Σc (Σᵢ rᵢc)² exactly (the CR0 sandwich estimator), which
 * cannot come out negative. With every value in its own cluster se equals naiveSe.
 *
 * Degenerate rules: fewer than 2 values or 2 clusters → Unavailable (one cluster's residuals sum
 * to 0, so its SE would be 0); a non-finite value → Unavailable; all values equal → Unavailable;
 * se ≤ 1e-8·naiveSe (every cluster has the same mean, up to rounding) → Unavailable. Arrays of
 * different lengths throw a RangeError.
 */
export function clusteredMean(
  values: ArrayLike<number>,
  clusterIds: ArrayLike<string | number>,
): Maybe<ClusteredMean> {
  const n = values.length;
  if (clusterIds.length !== n) {
    throw new RangeError('values and clusterIds must have the same length');
  }
  if (n < 2) return unavailable('needs at least 2 values');
  if (!allFinite(values)) return unavailable('values must be finite numbers');
  const m = mean(values);
  const residualSums = new Map<string | number, number>();
  let sumOfSquares = 0;
  for (let i = 0; i < n; i++) {
    const residual = (values[i] as number) - m;
    sumOfSquares += residual * residual;
    const id = clusterIds[i] as string | number;
    residualSums.set(id, (residualSums.get(id) ?? 0) + residual);
  }
  const clusters = residualSums.size;
  if (clusters < 2) return unavailable('needs at least 2 clusters');
  if (sumOfSquares === 0) return unavailable('all values are equal');
  let sumOfClusterSquares = 0;
  for (const clusterSum of residualSums.values()) sumOfClusterSquares += clusterSum * clusterSum;
  const naiveSe = Math.sqrt(sumOfSquares) / n;
  const se = Math.sqrt(sumOfClusterSquares) / n;
  if (se <= 1e-8 * naiveSe) return unavailable('every cluster has the same mean');
  return { n, mean: m, se, naiveSe, clusters, designEffect: sumOfClusterSquares / sumOfSquares };
}

export interface ClusteredDifference {
  /** mean(treatment) − mean(control). */
  readonly estimate: number;
  /** √(seT² + seC²). */
  readonly se: number;
  /** estimate/se, a z statistic. */
  readonly statistic: number;
  readonly pValue: number;
  readonly ci: Interval;
}

/**
 * Difference of two independent clustered means, treatment minus control: se = √(seT² + seC²),
 * z = estimate/se, two-sided p = 2Φ(−|z|), ci = estimate ± z(1 − α/2)·se (normal critical value,
 * as Miller). When both arms ran the same tasks, the covariance the shared task effects induce is
 * ignored, which makes this conservative; compare task means with `pairedDifference` instead.
 *
 * Degenerate rules: se = 0 → Unavailable (cannot happen for arms `clusteredMean` returned).
 */
export function clusteredDifference(
  armT: ClusteredMean,
  armC: ClusteredMean,
  level = 0.95,
): Maybe<ClusteredDifference> {
  assertLevel(level);
  const se = Math.sqrt(armT.se * armT.se + armC.se * armC.se);
  if (!(se > 0)) return unavailable('both arms have a standard error of 0');
  const estimate = armT.mean - armC.mean;
  const statistic = estimate / se;
  const pValue = 2 * normalCdf(-Math.abs(statistic));
  const halfWidth = normalQuantile(1 - (1 - level) / 2) * se;
  return { estimate, se, statistic, pValue, ci: [estimate - halfWidth, estimate + halfWidth] };
}
