import { type Interval, type Maybe } from '../stats/index.js';
import type { DesignKind } from './design.js';
import type { MetricUnits } from './metric-units.js';
import type { TestName } from './report-types.js';
/**
 * A metric's comparison, ready to be read at any level: the test's p-value, and the intervals of
 * the difference and of the ratio that agree with it (each excludes no change exactly when the
 * test rejects at that level).
 */
export interface MetricInference {
    test: TestName;
    reference: 'permutation' | 'exact' | 't' | 'normal';
    /** Treatment and control values the comparison is made on, and their difference. */
    treatment: number;
    control: number;
    estimate: number;
    se: number | null;
    df: number | null;
    /** The fixed-horizon two-sided p-value. */
    pValue: number;
    /** The smallest p-value the data could give; null for large-sample references. */
    smallestP: number | null;
    permutations: number | null;
    exact: boolean;
    interval(alpha: number): Interval | null;
    /** Interval of treatment / control; null when unbounded at this level. */
    ratioInterval(alpha: number, nonNegative: boolean): Interval | null;
}
/** Up to this many units, p-values come from re-randomisation rather than a t distribution. */
export declare const PERMUTATION_UNITS = 2000;
/**
 * The design's t statistic (Welch's, the CR2 cluster-robust one, or the within-task one), its
 * p-value from the permutation distribution when there are at most PERMUTATION_UNITS units (exact
 * when the arms do not differ, whatever the shape of the data) and from Student's t beyond; the
 * interval is estimate ± c·se with c the critical value of that same reference, so the interval
 * and the test agree, and Fieller's interval of the ratio uses the same c.
 */
export declare function contrastInference(kind: DesignKind, data: MetricUnits, draws: number): Maybe<MetricInference>;
