import type { Contrast } from './units.js';
/**
 * Fieller's interval for the ratio ρ = treatment / control of a contrast: the ρ for which the
 * statistic of H₀: treatment − ρ·control = 0 stays within ±critical,
 *   (T − ρC)² ≤ c²·(varT − 2ρ·cov + ρ²·varC).
 * At ρ = 1 this is the test of the difference itself, so the interval excludes 1 exactly when the
 * difference's interval (estimate ± c·se) excludes 0. With `nonNegative` (a metric that cannot go
 * below 0) the lower end is cut at ρ = 0: a change of more than −100% is impossible.
 *
 * Returns null when the set is not a bounded interval: the control's value cannot be told apart
 * from 0 at this level (C² ≤ c²·varC), so the ratio may be arbitrarily large.
 */
export declare function fiellerInterval(contrast: Contrast, critical: number, nonNegative: boolean): [number, number] | null;
