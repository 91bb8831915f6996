import type { Interval, Maybe } from './result.js';
export interface Summary {
    readonly n: number;
    readonly mean: number;
    /** Sample standard deviation (n − 1); null when n < 2. */
    readonly sd: number | null;
    readonly median: number;
    /** t-interval of the mean at `level`; null when n < 2. A zero sd gives the point [mean, mean]. */
    readonly ci: Interval | null;
}
/**
 * Describes one arm's values.
 *
 * Degenerate rules: no values → Unavailable; a non-finite value → Unavailable; one value → sd and
 * ci are null (a spread needs two values).
 */
export declare function summarize(values: ArrayLike<number>, level?: number): Maybe<Summary>;
