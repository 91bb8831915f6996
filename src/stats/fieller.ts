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
export function fiellerInterval(
  contrast: Contrast,
  critical: number,
  nonNegative: boolean,
): [number, number] | null {
  const { treatment: t, control: c, varT, varC, cov } = contrast;
  const c2 = critical * critical;
  const a = c * c - c2 * varC;
  const b = -2 * (t * c - c2 * cov);
  const k = t * t - c2 * varT;
  if (!(a > 0)) return null;
  const discriminant = b * b - 4 * a * k;
  // a > 0 and the point estimate t/c satisfies the inequality, so the discriminant is ≥ 0 up to
  // rounding.
  const root = Math.sqrt(Math.max(0, discriminant));
  let low = (-b - root) / (2 * a);
  const high = (-b + root) / (2 * a);
  if (nonNegative) low = Math.max(0, low);
  return [low, high];
}
