/**
 * Mean and sample variance in two passes, as R does: the second pass corrects the mean by the
 * average residual and sums squared residuals, which avoids the cancellation of Σy² − n·ȳ².
 */

export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  const rough = sum / n;
  let residual = 0;
  for (let i = 0; i < n; i++) residual += (values[i] as number) - rough;
  return rough + residual / n;
}

/** Sample variance (divisor n − 1) around a mean computed by `mean`. Needs n >= 2. */
export function sampleVariance(values: ArrayLike<number>, center: number): number {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - center;
    sum += d * d;
  }
  return sum / (n - 1);
}
