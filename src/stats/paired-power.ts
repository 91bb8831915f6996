import { criticalSum } from './power.js';
import { unavailable } from './result.js';
import type { Maybe } from './result.js';

export interface PairedSampleSizeInputs {
  /**
   * Var(d) of the per-task differences dᵢ = tᵢ − cᵢ. In Miller's notation this is
   * ω² + σ²A/KA + σ²B/KB (task-level variance of the difference plus the within-task noise of
   * KA and KB runs per task).
   */
  readonly varianceOfDifferences: number;
  /** The absolute difference to detect. */
  readonly delta: number;
  /** Two-sided significance level. */
  readonly alpha: number;
  readonly power?: number;
}

/**
 * Tasks (pairs) needed to detect `delta` with a two-sided paired z-test (Miller, "Adding Error
 * Bars to Evals", eq. 9): n = ⌈(z₁₋α/₂ + z_power)²·Var(d)/δ²⌉. Miller's example: Var(d) = 1/9,
 * δ = 0.03, α = 0.05, power 0.8 → 969 tasks.
 *
 * Degenerate rules: delta = 0 → Unavailable; Var(d) = 0 → Unavailable. A negative or non-finite
 * variance, or alpha or power outside (0, 1), throws a RangeError.
 */
export function pairedSessionsNeeded(inputs: PairedSampleSizeInputs): Maybe<number> {
  const { varianceOfDifferences, delta, alpha, power = 0.8 } = inputs;
  assertVariance(varianceOfDifferences);
  const z = criticalSum(alpha, power);
  if (!Number.isFinite(delta) || delta === 0) return unavailable('the effect to detect is 0');
  if (varianceOfDifferences === 0) return unavailable('the differences have zero variance');
  return Math.ceil((z * z * varianceOfDifferences) / (delta * delta));
}

export interface PairedDetectableEffectInputs {
  readonly varianceOfDifferences: number;
  /** Tasks both arms ran (pairs). */
  readonly tasks: number;
  readonly alpha: number;
  readonly power?: number;
}

/**
 * Smallest absolute difference a two-sided paired z-test detects over `tasks` pairs (Miller eq. 10):
 * δ = (z₁₋α/₂ + z_power)·√(Var(d)/tasks).
 *
 * Degenerate rules: no tasks → Unavailable. A zero variance gives 0. A negative or non-finite
 * variance, or alpha or power outside (0, 1), throws a RangeError.
 */
export function pairedMinimumDetectableEffect(inputs: PairedDetectableEffectInputs): Maybe<number> {
  const { varianceOfDifferences, tasks, alpha, power = 0.8 } = inputs;
  assertVariance(varianceOfDifferences);
  const z = criticalSum(alpha, power);
  if (!(tasks > 0 && Number.isFinite(tasks))) return unavailable('needs at least 1 task');
  return z * Math.sqrt(varianceOfDifferences / tasks);
}

function assertVariance(variance: number): void {
  if (!(Number.isFinite(variance) && variance >= 0)) {
    throw new RangeError('varianceOfDifferences must be a non-negative finite number');
  }
}
