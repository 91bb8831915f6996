import type { Verdict } from '../analysis/report-types.js';
import type { FailOn } from '../config/action-inputs.js';

/**
 * Whether `fail-on` fails the step for this verdict: `reject` on a reject; `inconclusive` on
 * anything that is not a decision to keep or drop the change (reject, inconclusive,
 * insufficient-data).
 */
export function failsOn(failOn: FailOn, verdict: Verdict): boolean {
  if (failOn === 'reject') return verdict === 'reject';
  if (failOn === 'inconclusive') return !['adopt', 'no-difference'].includes(verdict);
  return false;
}
