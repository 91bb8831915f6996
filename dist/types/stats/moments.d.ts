/**
 * Mean and sample variance in two passes, as R does: the second pass corrects the mean by the
 * average residual and sums squared residuals, which avoids the cancellation of Σy² − n·ȳ².
 */
export declare function mean(values: ArrayLike<number>): number;
/** Sample variance (divisor n − 1) around a mean computed by `mean`. Needs n >= 2. */
export declare function sampleVariance(values: ArrayLike<number>, center: number): number;
