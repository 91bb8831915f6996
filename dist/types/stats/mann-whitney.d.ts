import type { Maybe } from './result.js';
export interface MannWhitneyResult {
    /** W of the treatment arm: its rank sum minus nT(nT + 1)/2. */
    readonly u: number;
    readonly pValue: number;
    readonly method: 'exact' | 'asymptotic';
}
/**
 * Two-sided Mann–Whitney (Wilcoxon rank-sum) test, as R's
 * `wilcox.test(treatment, control, correct = TRUE)`: exact when both arms have fewer than 50
 * values and no value is tied, otherwise the normal approximation with tie correction of the
 * variance and continuity correction 0.5·sign(W − nT·nC/2).
 *
 * Degenerate rules: an empty arm → Unavailable; a non-finite value → Unavailable (R silently
 * drops them; we refuse instead); every value equal (W has no variance) → Unavailable.
 */
export declare function mannWhitneyTest(treatment: ArrayLike<number>, control: ArrayLike<number>): Maybe<MannWhitneyResult>;
