import gammainc from '@stdlib/math-base-special-gammainc';
import normalCdfImpl from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantileImpl from '@stdlib/stats-base-dists-normal-quantile';
import tCdfImpl from '@stdlib/stats-base-dists-t-cdf';
import tQuantileImpl from '@stdlib/stats-base-dists-t-quantile';

/** P(Z <= x) for a standard normal Z. */
export function normalCdf(x: number): number {
  return normalCdfImpl(x, 0, 1);
}

/** The p-quantile of the standard normal. */
export function normalQuantile(p: number): number {
  return normalQuantileImpl(p, 0, 1);
}

/** P(T <= x) for Student's t with `df` degrees of freedom (df may be fractional). */
export function tCdf(x: number, df: number): number {
  return tCdfImpl(x, df);
}

/** The p-quantile of Student's t with `df` degrees of freedom. */
export function tQuantile(p: number, df: number): number {
  return tQuantileImpl(p, df);
}

/**
 * P(X > x) for a chi-square X with `df` degrees of freedom, computed as the regularised upper
 * incomplete gamma function so that tiny p-values keep their precision (no 1 − cdf).
 */
export function chiSquareSurvival(x: number, df: number): number {
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}
