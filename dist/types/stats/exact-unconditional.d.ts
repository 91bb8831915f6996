import { type TwoProportions } from './binary-score.js';
/**
 * Exact unconditional p-values for two proportions (Chan & Zhang 1999; Agresti & Min 2001): the
 * probability, maximised over the nuisance proportion, of a table at least as extreme as the one
 * observed, extremeness measured by the Miettinen–Nurminen score for the hypothesis tested
 * (p₁ − p₀ = δ, or p₁ = ρ·p₀). Never above the nominal level whatever the true proportions, which
 * the asymptotic score test cannot promise in arms of a few sessions. Inverting it gives intervals
 * that agree with the test by construction.
 *
 * The supremum over the nuisance parameter is taken on a grid of 200 points, refined by golden
 * section search around the best of them.
 */
export type BinaryHypothesis = {
    kind: 'difference';
    delta: number;
} | {
    kind: 'ratio';
    rho: number;
};
export declare function exactUnconditionalPValue(data: TwoProportions, hypothesis: BinaryHypothesis): number;
