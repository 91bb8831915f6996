import type { Maybe } from './result.js';
export interface ChanceToBeatInputs {
    /** The effect estimate Δ, treatment minus control. */
    readonly estimate: number;
    /** Its standard error. */
    readonly se: number;
    /** Which direction of the metric is an improvement. */
    readonly better: 'higher' | 'lower';
}
/**
 * "Chance to beat control": with a flat prior the posterior of the true effect is
 * Normal(estimate, se²), so P(effect better than 0) = Φ(Δ/se) when higher is better and Φ(−Δ/se)
 * when lower is better.
 *
 * Degenerate rules: se = 0 → Unavailable (the posterior is a point mass); a non-finite estimate or
 * se → Unavailable. A negative se or an unknown `better` throws a RangeError.
 */
export declare function chanceToBeat(inputs: ChanceToBeatInputs): Maybe<number>;
