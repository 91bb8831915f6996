import { type Assignment, type Contrast, type Units } from './units.js';
/**
 * Independent sessions: each arm's value is Σm / Σd, its variance the delta-method (sandwich)
 * variance Σ(m − r·d)² / (Σd)² · n/(n − 1). For means (d = 1) that is s²/n, so the contrast is
 * Welch's: the same difference, standard error and Welch–Satterthwaite degrees of freedom as R's
 * `t.test(treatment, control)`. For event counts the per-session variance SS/(n − 1) is kept at or
 * above `eventFloor`. Undefined (null) when an arm has fewer than 2 units or Σd = 0.
 */
export declare function independentContrast(units: Units, assignment: Assignment): Contrast | null;
/**
 * Welch–Satterthwaite degrees of freedom of a sum of two variance estimates with `dfT` and `dfC`
 * degrees of freedom. When both estimates are 0 there is nothing to weigh: dfT + dfC.
 */
export declare function satterthwaite(varT: number, dfT: number, varC: number, dfC: number): number;
