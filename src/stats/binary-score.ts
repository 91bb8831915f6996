/**
 * Miettinen–Nurminen score statistics for two proportions, treatment x₁/n₁ against control
 * x₀/n₀: the variance is taken at the maximum-likelihood proportions under the hypothesis being
 * tested (not at the observed ones), times N/(N − 1), N = n₁ + n₀. For H₀: p₁ − p₀ = δ the
 * constrained proportions solve Farrington and Manning's cubic; for H₀: p₁ = ρ·p₀ a quadratic.
 * At δ = 0 and ρ = 1 both are the pooled proportion, so the two statistics are one test there.
 */
export interface TwoProportions {
  readonly x1: number;
  readonly n1: number;
  readonly x0: number;
  readonly n0: number;
}

/** z for H₀: p₁ − p₀ = δ (positive when the observed difference exceeds δ). */
export function differenceScore(data: TwoProportions, delta: number): number {
  const { x1, n1, x0, n0 } = data;
  const [p1, p0] = constrainedDifference(data, delta);
  const variance = (p1 * (1 - p1)) / n1 + (p0 * (1 - p0)) / n0;
  return standardize(x1 / n1 - x0 / n0 - delta, variance, n1 + n0);
}

/** z for H₀: p₁ = ρ·p₀ (positive when p̂₁ > ρ·p̂₀), ρ ≥ 0. */
export function ratioScore(data: TwoProportions, rho: number): number {
  const { x1, n1, x0, n0 } = data;
  const [p1, p0] = constrainedRatio(data, rho);
  const variance = (p1 * (1 - p1)) / n1 + (rho * rho * p0 * (1 - p0)) / n0;
  return standardize(x1 / n1 - (rho * x0) / n0, variance, n1 + n0);
}

function standardize(difference: number, variance: number, total: number): number {
  const scaled = (variance * total) / (total - 1);
  if (scaled > 0) return difference / Math.sqrt(scaled);
  // The hypothesis puts both proportions at 0 or 1: the data either agree with it exactly or
  // cannot have come from it.
  if (Math.abs(difference) < 1e-15) return 0;
  return difference > 0 ? Infinity : -Infinity;
}

/** [p̃₁, p̃₀] maximising the likelihood subject to p₁ − p₀ = δ (Farrington & Manning 1990). */
export function constrainedDifference(data: TwoProportions, delta: number): [number, number] {
  const { x1, n1, x0, n0 } = data;
  const theta = n0 / n1;
  const q1 = x1 / n1;
  const q0 = x0 / n0;
  const a = 1 + theta;
  const b = -(1 + theta + q1 + theta * q0 + delta * (theta + 2));
  const c = delta * delta + delta * (2 * q1 + theta + 1) + q1 + theta * q0;
  const d = -q1 * delta * (1 + delta);
  const v = (b * b * b) / (27 * a * a * a) - (b * c) / (6 * a * a) + d / (2 * a);
  const radicand = (b * b) / (9 * a * a) - c / (3 * a);
  const u = (v >= 0 ? 1 : -1) * Math.sqrt(Math.max(0, radicand));
  const cosine = u === 0 ? 0 : Math.max(-1, Math.min(1, v / (u * u * u)));
  const w = (Math.PI + Math.acos(cosine)) / 3;
  const p1 = clamp01(2 * u * Math.cos(w) - b / (3 * a));
  return [p1, clamp01(p1 - delta)];
}

/** [p̃₁, p̃₀] maximising the likelihood subject to p₁ = ρ·p₀ (Miettinen & Nurminen 1985). */
export function constrainedRatio(data: TwoProportions, rho: number): [number, number] {
  const { x1, n1, x0, n0 } = data;
  const a = rho * (n1 + n0);
  const b = -(rho * n1 + x1 + n0 + rho * x0);
  const c = x1 + x0;
  if (a === 0) {
    // ρ = 0: p₁ = 0 and p₀ takes its own estimate.
    return [0, x0 / n0];
  }
  const p0 = (-b - Math.sqrt(Math.max(0, b * b - 4 * a * c))) / (2 * a);
  return [clamp01(rho * p0), clamp01(p0)];
}

function clamp01(p: number): number {
  return Math.min(1, Math.max(0, p));
}
