import {
  differenceScore,
  exactUnconditionalPValue,
  invertTest,
  normalCdf,
  ratioScore,
  unavailable,
  type Interval,
  type Maybe,
  type TwoProportions,
} from '../stats/index.js';
import type { MetricInference } from './contrast-inference.js';

/** Up to this many sessions in both arms together, proportions get the exact unconditional test. */
export const EXACT_BINARY_SESSIONS = 80;

/**
 * Two independent proportions, treatment x₁/n₁ against control x₀/n₀. Small samples: the exact
 * unconditional test ordered by the Miettinen–Nurminen score (its level holds whatever the true
 * proportions, also with all-zero or all-one arms), inverted for both intervals (Chan & Zhang).
 * Larger samples: the Miettinen–Nurminen score test and its inverted intervals. Either way the
 * difference's interval, the ratio's interval and the p-value are one test.
 */
export function binaryInference(data: TwoProportions): Maybe<MetricInference> {
  const { x1, n1, x0, n0 } = data;
  if (n1 === 0 || n0 === 0) return unavailable('both arms need at least one session');
  const exact = n1 + n0 <= EXACT_BINARY_SESSIONS;
  const memo = new Map<string, number>();
  const pAt = (kind: 'difference' | 'ratio', value: number) => {
    const key = `${kind}:${value}`;
    let p = memo.get(key);
    if (p === undefined) {
      p = exact
        ? exactUnconditionalPValue(
            data,
            kind === 'difference' ? { kind, delta: value } : { kind, rho: value },
          )
        : 2 *
          normalCdf(
            -Math.abs(
              kind === 'difference' ? differenceScore(data, value) : ratioScore(data, value),
            ),
          );
      memo.set(key, p);
    }
    return p;
  };
  const q1 = x1 / n1;
  const q0 = x0 / n0;
  const estimate = q1 - q0;
  const wald = Math.sqrt((q1 * (1 - q1)) / n1 + (q0 * (1 - q0)) / n0);
  const pooled = (x1 + x0) / (n1 + n0);
  const se = wald > 0 ? wald : Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
  return {
    test: exact ? 'exactUnconditional' : 'scoreMN',
    reference: exact ? 'exact' : 'normal',
    treatment: q1,
    control: q0,
    estimate,
    se,
    df: null,
    pValue: pAt('difference', 0),
    smallestP: exact ? smallestExactP(data) : null,
    permutations: null,
    exact,
    interval(alpha: number): Interval | null {
      const [low, high] = invertTest((d) => pAt('difference', d), estimate, [-1, 1], alpha, 0);
      return low === null || high === null ? null : [low, high];
    },
    ratioInterval(alpha: number): Interval | null {
      if (x0 === 0) return null; // the control's proportion may be 0: any ratio is possible
      const [low, high] = invertTest((r) => pAt('ratio', r), q1 / q0, [0, Infinity], alpha, 1);
      return low === null || high === null ? null : [low, high];
    },
  };
}

/** The p-value of the most extreme table these arm sizes allow. */
function smallestExactP(data: TwoProportions): number {
  return exactUnconditionalPValue(
    { x1: data.n1, n1: data.n1, x0: 0, n0: data.n0 },
    { kind: 'difference', delta: 0 },
  );
}
