/**
 * pass@k: the chance that at least one of k sessions, drawn without replacement from the n that
 * ran a task, solved it, given that c of the n did: 1 − C(n−c, k) / C(n, k) (the unbiased
 * estimator of Chen et al., 2021). Written as a product so that large n cannot overflow.
 *
 * @example passAtK(4, 2, 2) // 1 − (2·1)/(4·3) = 0.8333…
 */
export function passAtK(n: number, c: number, k: number): number {
  return 1 - choiceRatio(n - c, n, k);
}

/**
 * pass^k: the chance that all of k sessions drawn from the n solved the task: C(c, k) / C(n, k)
 * (as τ-bench reports consistency across repetitions).
 *
 * @example passHatK(4, 2, 2) // (2·1)/(4·3) = 0.1666…
 */
export function passHatK(n: number, c: number, k: number): number {
  return choiceRatio(c, n, k);
}

/** C(a, k) / C(n, k) for 0 ≤ a ≤ n and 1 ≤ k ≤ n: Π (a − i) / (n − i), 0 when a < k. */
function choiceRatio(a: number, n: number, k: number): number {
  let ratio = 1;
  for (let i = 0; i < k; i++) {
    if (a - i <= 0) return 0;
    ratio *= (a - i) / (n - i);
  }
  return ratio;
}
