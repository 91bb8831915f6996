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
export declare function differenceScore(data: TwoProportions, delta: number): number;
/** z for H₀: p₁ = ρ·p₀ (positive when p̂₁ > ρ·p̂₀), ρ ≥ 0. */
export declare function ratioScore(data: TwoProportions, rho: number): number;
/** [p̃₁, p̃₀] maximising the likelihood subject to p₁ − p₀ = δ (Farrington & Manning 1990). */
export declare function constrainedDifference(data: TwoProportions, delta: number): [number, number];
/** [p̃₁, p̃₀] maximising the likelihood subject to p₁ = ρ·p₀ (Miettinen & Nurminen 1985). */
export declare function constrainedRatio(data: TwoProportions, rho: number): [number, number];
