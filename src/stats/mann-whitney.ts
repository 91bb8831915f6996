import { allFinite } from './checks.js';
import { normalCdf } from './distributions.js';
import { rankSum } from './rank-sum.js';
import { unavailable } from './result.js';
import type { Maybe } from './result.js';
import { exactMannWhitneyPValue } from './wilcoxon-exact.js';

export interface MannWhitneyResult {
  /** W of the treatment arm: its rank sum minus nT(nT + 1)/2. */
  readonly u: number;
  readonly pValue: number;
  readonly method: 'exact' | 'asymptotic';
}

/** R uses the exact distribution only while both arms have fewer than this many values. */
const EXACT_BELOW = 50;

/**
 * Two-sided Mann–Whitney (Wilcoxon rank-sum) test, as R's
 * `wilcox.test(treatment, control, correct = TRUE)`: exact when both arms have fewer than 50
 * values and no value is tied, otherwise the normal approximation with tie correction of the
 * variance and continuity correction 0.5·sign(W − nT·nC/2).
 *
 * Degenerate rules: an empty arm → Unavailable; a non-finite value → Unavailable (R silently
 * drops them; we refuse instead); every value equal (W has no variance) → Unavailable.
 */
export function mannWhitneyTest(
  treatment: ArrayLike<number>,
  control: ArrayLike<number>,
): Maybe<MannWhitneyResult> {
  const nT = treatment.length;
  const nC = control.length;
  if (nT === 0 || nC === 0) return unavailable('needs at least 1 value per arm');
  if (!allFinite(treatment) || !allFinite(control)) {
    return unavailable('values must be finite numbers');
  }
  const { rankSumT, tieTerm, distinctValues } = rankSum(treatment, control);
  const u = rankSumT - (nT * (nT + 1)) / 2;
  if (nT < EXACT_BELOW && nC < EXACT_BELOW && tieTerm === 0) {
    return { u, pValue: exactMannWhitneyPValue(u, nT, nC), method: 'exact' };
  }
  if (distinctValues === 1) return unavailable('all values are equal');
  const n = nT + nC;
  const sigma = Math.sqrt(((nT * nC) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const shift = u - (nT * nC) / 2;
  const z = (shift - Math.sign(shift) * 0.5) / sigma;
  return { u, pValue: 2 * normalCdf(-Math.abs(z)), method: 'asymptotic' };
}
