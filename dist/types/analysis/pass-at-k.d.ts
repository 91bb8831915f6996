/**
 * pass@k: the chance that at least one of k sessions, drawn without replacement from the n that
 * ran a task, solved it, given that c of the n did: 1 − C(n−c, k) / C(n, k) (the unbiased
 * estimator of Chen et al., 2021). Written as a product so that large n cannot overflow.
 *
 * @example passAtK(4, 2, 2) // 1 − (2·1)/(4·3) = 0.8333…
 */
export declare function passAtK(n: number, c: number, k: number): number;
/**
 * pass^k: the chance that all of k sessions drawn from the n solved the task: C(c, k) / C(n, k)
 * (as τ-bench reports consistency across repetitions).
 *
 * @example passHatK(4, 2, 2) // (2·1)/(4·3) = 0.1666…
 */
export declare function passHatK(n: number, c: number, k: number): number;
