/**
 * Two-sided group-sequential boundaries with Lan–DeMets O'Brien–Fleming-type α spending, as
 * R's `rpact::getDesignGroupSequential(typeOfDesign = "asOF", sided = 2)` and gsDesign's `sfLDOF`
 * compute them: each side spends s(t) = 2 − 2Φ(z₁₋α/₄ / √t) of the information fraction t, so the
 * two sides together spend α at t = 1 and almost nothing early.
 *
 * Looks at information fractions t₁ < t₂ < … (the sessions at each look over the planned total,
 * capped at 1). The boundary cₖ is the |Z| that, with the boundaries of the earlier looks, makes the
 * probability of first crossing at look k under the null equal to the α spent between t₍ₖ₋₁₎ and
 * tₖ. Computed by the numerical integration of Armitage, McPherson and Rowe on the grid of
 * Jennison and Turnbull (2000, ch. 19), Simpson's rule; accurate to about 1e-7 in cₖ.
 */
export interface GroupSequentialLook {
    /** Information fraction of the look, in (0, 1]. */
    readonly fraction: number;
    /** |Z| at or beyond which the look rejects; Infinity when the look spends no α. */
    readonly boundary: number;
    /** The two-sided fixed-horizon level equivalent to the boundary: 2(1 − Φ(boundary)). */
    readonly nominalAlpha: number;
    /** Cumulative two-sided α spent up to and including this look. */
    readonly spent: number;
}
/** Per-side α spent at information fraction t, for a two-sided design of level alpha. */
export declare function obrienFlemingSpending(alpha: number, t: number): number;
/**
 * The boundaries of every look, given the information fractions in increasing order. Fractions
 * above 1 count as 1 (the planned size was reached); a fraction that does not exceed the previous
 * one is not a new look and throws a RangeError, as does one outside (0, ∞) or alpha outside (0, 1).
 */
export declare function groupSequentialBoundaries(fractions: readonly number[], alpha: number, grid?: number): readonly GroupSequentialLook[];
/**
 * The repeated p-value of a look (Jennison & Turnbull 2000, §9.3): the smallest overall level α′
 * at which this look's boundary would be crossed, given the fixed-horizon p-value `nominalP` of the
 * look's test and the looks' information fractions. A p-value below α exactly when the look's
 * nominal level at α is beaten; taking the minimum over looks is still valid. The nominal level of
 * the last look as a function of α′ is tabulated once per set of fractions and interpolated
 * (log–log, monotone), which is accurate to about 1e-4 relative.
 */
export declare function repeatedPValue(fractions: readonly number[], nominalP: number): number;
