/** P(Z <= x) for a standard normal Z. */
export declare function normalCdf(x: number): number;
/** The p-quantile of the standard normal. */
export declare function normalQuantile(p: number): number;
/** P(T <= x) for Student's t with `df` degrees of freedom (df may be fractional). */
export declare function tCdf(x: number, df: number): number;
/** The p-quantile of Student's t with `df` degrees of freedom. */
export declare function tQuantile(p: number, df: number): number;
/**
 * P(X > x) for a chi-square X with `df` degrees of freedom, computed as the regularised upper
 * incomplete gamma function so that tiny p-values keep their precision (no 1 − cdf).
 */
export declare function chiSquareSurvival(x: number, df: number): number;
