import { seededUniform } from './seeded-random.js';
import { absoluteT, type Assignment, type ContrastOf, type Units } from './units.js';

/**
 * The permutation distribution of the studentized statistic |t|: the statistic recomputed with
 * the arm labels re-randomised the way the experiment could have been (across all units, or within
 * each task when the arms are compared task by task). When the arms do not differ, every
 * re-randomisation was as likely as the one observed, so the test is exact whatever the
 * distribution of the values: skewed, heavy-tailed, sparse, unbalanced arms, ties.
 *
 * All assignments are enumerated when there are at most `exactLimit` of them (the p-value is then
 * the exact proportion, the observed assignment included); otherwise `draws` are sampled with a
 * seeded generator and p = (1 + #{|t*| ≥ |t|}) / (draws + 1), which is also a valid p-value.
 * An assignment under which the statistic is undefined counts as at least as extreme (conservative).
 */
export interface PermutationReference {
  /** The p-value of an observed |t|. */
  pValue(absoluteStatistic: number): number;
  /**
   * The critical |t| at two-sided level alpha: |t| > critical exactly when pValue(|t|) < alpha, so
   * the interval estimate ± critical·se holds the values the test does not reject. Infinity when
   * no assignment can reach alpha.
   */
  critical(alpha: number): number;
  /** The (1 − alpha) quantile of the re-randomised |t|, without the reachability rule of `critical`. */
  quantile(alpha: number): number;
  /** The smallest p-value these units can give (exact when enumerated, else estimated). */
  readonly smallestP: number;
  readonly exact: boolean;
  /** Assignments evaluated: all of them when exact, else the draws. */
  readonly size: number;
}

export interface PermutationOptions {
  /** Re-randomise within each stratum (task) rather than across all units. */
  withinStrata: boolean;
  draws: number;
  exactLimit: number;
  seed: number;
}

/** Relative tolerance under which two statistics count as tied (rounding in the sums). */
const TIE = 1e-9;

export function permutationReference(
  units: Units,
  observed: Assignment,
  contrastOf: ContrastOf,
  options: PermutationOptions,
): PermutationReference {
  const groups = options.withinStrata ? strataGroups(units) : [allUnits(observed.length)];
  const treated = groups.map((group) => group.filter((i) => observed[i] === 1).length);
  const count = assignmentCount(groups, treated);
  const exact = count <= options.exactLimit;
  const statistics: number[] = [];
  const evaluate = (assignment: Assignment) => {
    const contrast = contrastOf(units, assignment);
    statistics.push(contrast === null ? Infinity : absoluteT(contrast));
  };
  if (exact) enumerate(groups, treated, observed.length, evaluate);
  else sample(groups, observed, options.draws, options.seed, evaluate);
  const sorted = Float64Array.from(statistics).sort().reverse();
  const offset = exact ? 0 : 1;
  const denominator = sorted.length + offset;
  const atLeast = (x: number) => {
    const threshold = x * (1 - TIE);
    // sorted is descending: count the prefix ≥ threshold by binary search.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle]! >= threshold) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const pValue = (x: number) => Math.min(1, (offset + atLeast(x)) / denominator);
  return {
    pValue,
    critical(alpha: number) {
      // When no assignment can reach alpha, no difference can be excluded: unbounded.
      return pValue(sorted[0]!) >= alpha ? Infinity : this.quantile(alpha);
    },
    quantile(alpha: number) {
      // pValue < alpha ⟺ #{t* ≥ |t|} ≤ K: |t| beyond the (K + 1)-th largest statistic.
      const k = Math.ceil(alpha * denominator - 1e-9) - 1 - offset;
      return k < 0 ? Infinity : sorted[k]! / (1 - TIE);
    },
    // Sampled: the p of the most extreme statistic drawn, an estimate from above when the space is
    // far larger than the draws (then it is near 1/(draws + 1) anyway).
    smallestP: pValue(sorted[0]!),
    exact,
    size: sorted.length,
  };
}

function allUnits(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function strataGroups(units: Units): number[][] {
  const groups: number[][] = Array.from({ length: units.strata }, () => []);
  for (let i = 0; i < units.stratum.length; i++) groups[units.stratum[i]!]!.push(i);
  return groups.filter((group) => group.length > 0);
}

/** Π C(nⱼ, tⱼ), as a float (Infinity past the range of doubles). */
function assignmentCount(groups: number[][], treated: number[]): number {
  let logCount = 0;
  groups.forEach((group, g) => (logCount += logChoose(group.length, treated[g]!)));
  return Math.round(Math.exp(logCount));
}

function logChoose(n: number, k: number): number {
  let sum = 0;
  const small = Math.min(k, n - k);
  for (let i = 1; i <= small; i++) sum += Math.log((n - small + i) / i);
  return sum;
}

/** Every assignment with the observed number of treated units in each group. */
function enumerate(
  groups: number[][],
  treated: number[],
  n: number,
  visit: (assignment: Assignment) => void,
): void {
  const assignment = new Uint8Array(n);
  const choose = (g: number): void => {
    if (g === groups.length) {
      visit(assignment);
      return;
    }
    const group = groups[g]!;
    const k = treated[g]!;
    const picks = Array.from({ length: k }, (_, i) => i);
    for (;;) {
      for (const i of group) assignment[i] = 0;
      for (const p of picks) assignment[group[p]!] = 1;
      choose(g + 1);
      // Next combination of k of the group's indices, in lexicographic order.
      let i = k - 1;
      while (i >= 0 && picks[i] === group.length - k + i) i--;
      if (i < 0) break;
      picks[i]!++;
      for (let j = i + 1; j < k; j++) picks[j] = picks[j - 1]! + 1;
    }
  };
  choose(0);
}

/** `draws` uniformly random re-randomisations (Fisher–Yates within each group). */
function sample(
  groups: number[][],
  observed: Assignment,
  draws: number,
  seed: number,
  visit: (assignment: Assignment) => void,
): void {
  const uniform = seededUniform(seed);
  const assignment = Uint8Array.from(observed);
  for (let b = 0; b < draws; b++) {
    for (const group of groups) {
      for (let i = group.length - 1; i > 0; i--) {
        const j = Math.floor(uniform() * (i + 1));
        const a = group[i]!;
        const c = group[j]!;
        const swap = assignment[a]!;
        assignment[a] = assignment[c]!;
        assignment[c] = swap;
      }
    }
    visit(assignment);
  }
}
