import { type Maybe, type TwoProportions } from '../stats/index.js';
import type { MetricInference } from './contrast-inference.js';
/** Up to this many sessions in both arms together, proportions get the exact unconditional test. */
export declare const EXACT_BINARY_SESSIONS = 80;
/**
 * Two independent proportions, treatment x₁/n₁ against control x₀/n₀. Small samples: the exact
 * unconditional test ordered by the Miettinen–Nurminen score (its level holds whatever the true
 * proportions, also with all-zero or all-one arms), inverted for both intervals (Chan & Zhang).
 * Larger samples: the Miettinen–Nurminen score test and its inverted intervals. Either way the
 * difference's interval, the ratio's interval and the p-value are one test.
 */
export declare function binaryInference(data: TwoProportions): Maybe<MetricInference>;
