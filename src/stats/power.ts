import { normalQuantile } from './distributions.js';
import { unavailable } from './result.js';
import type { Maybe } from './result.js';

export interface SampleSizeInputs {
  /** Per-session variance of the metric in each arm. */
  readonly varianceControl: number;
  readonly varianceTreatment: number;
  /** The absolute difference to detect. */
  readonly delta: number;
  /** Two-sided significance level. */
  readonly alpha: number;
  readonly power?: number;
}

/**
 * Sessions per arm to detect `delta` with a two-sided z-test:
 * n = ⌈(z₁₋α/₂ + z_power)²·(σ²C + σ²T)/δ²⌉.
 *
 * Degenerate rules: delta = 0 → Unavailable; σ²C + σ²T = 0 → Unavailable (no noise, no sample
 * size to speak of). Negative variances, or alpha or power outside (0, 1), throw a RangeError.
 */
export function sessionsPerArm(inputs: SampleSizeInputs): Maybe<number> {
  const { varianceControl, varianceTreatment, delta, alpha, power = 0.8 } = inputs;
  assertVariances(varianceControl, varianceTreatment);
  const z = criticalSum(alpha, power);
  if (!Number.isFinite(delta) || delta === 0) return unavailable('the effect to detect is 0');
  const totalVariance = varianceControl + varianceTreatment;
  if (totalVariance === 0) return unavailable('both arms have zero variance');
  return Math.ceil((z * z * totalVariance) / (delta * delta));
}

export interface DetectableEffectInputs {
  readonly varianceControl: number;
  readonly varianceTreatment: number;
  readonly nPerArmControl: number;
  readonly nPerArmTreatment: number;
  readonly alpha: number;
  readonly power?: number;
}

/**
 * Smallest absolute difference a two-sided z-test detects with the given sessions:
 * (z₁₋α/₂ + z_power)·√(σ²C/nC + σ²T/nT).
 *
 * Degenerate rules: an arm with no sessions → Unavailable. Zero variances give 0.
 */
export function minimumDetectableEffect(inputs: DetectableEffectInputs): Maybe<number> {
  const { varianceControl, varianceTreatment, nPerArmControl, nPerArmTreatment } = inputs;
  assertVariances(varianceControl, varianceTreatment);
  const z = criticalSum(inputs.alpha, inputs.power ?? 0.8);
  if (!(nPerArmControl > 0 && nPerArmTreatment > 0)) {
    return unavailable('needs at least 1 session per arm');
  }
  return z * Math.sqrt(varianceControl / nPerArmControl + varianceTreatment / nPerArmTreatment);
}

/**
 * The smallest n per arm with which a two-sided rank or exact test can reach p ≤ alpha at all:
 * the smallest n with 2/C(2n, n) ≤ alpha (the most extreme split of n vs n). 4 at α = 0.05, 5 at
 * α = 0.01. Below it, report that more sessions are needed rather than a verdict (as benchstat).
 */
export function minimumSessionsForSignificance(alpha: number): number {
  assertProbability('alpha', alpha);
  let n = 1;
  let centralBinomial = 2; // C(2n, n) at n = 1
  while (2 / centralBinomial > alpha) {
    n++;
    centralBinomial *= (2 * (2 * n - 1)) / n; // C(2n, n) = C(2n − 2, n − 1)·2(2n − 1)/n
  }
  return n;
}

/** z₁₋α/₂ + z_power, the factor of every sample-size and detectable-effect formula. */
export function criticalSum(alpha: number, power: number): number {
  assertProbability('alpha', alpha);
  assertProbability('power', power);
  return normalQuantile(1 - alpha / 2) + normalQuantile(power);
}

function assertProbability(name: string, value: number): void {
  if (!(value > 0 && value < 1)) throw new RangeError(`${name} must be in (0, 1), got ${value}`);
}

function assertVariances(...variances: number[]): void {
  if (!variances.every((v) => Number.isFinite(v) && v >= 0)) {
    throw new RangeError('variances must be non-negative finite numbers');
  }
}
