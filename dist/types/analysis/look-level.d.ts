import type { Method } from '../config/experiment-config.js';
import type { SequentialReport } from './report-types.js';
/**
 * What this look at the experiment may conclude: the two-sided level every test of the look is
 * held to (alpha at a fixed horizon; less under the sequential methods, which look many times),
 * and the p-value comparable with alpha that a test's fixed-horizon p-value becomes.
 */
export interface LookLevel {
    method: Method;
    /** The nominal two-sided level for a metric compared on `sessions` sessions. */
    nominalAlpha(sessions: number): number;
    /** The p-value to compare with alpha, from the look's fixed-horizon p-value. */
    pValue(nominalP: number, sessions: number): number;
    sequential: SequentialReport | null;
}
export interface LookSettings {
    method: Method;
    alpha: number;
    /** The planned size (both arms): the final look of the sequential design, the tuning of always-valid. */
    expectedSessions: number;
}
/**
 * `priorLooks`: the sessions (both arms) at each earlier look, as the store's history keeps them;
 * `sessions`: this look's.
 */
export declare function lookLevel(settings: LookSettings, priorLooks: readonly number[], sessions: number): LookLevel;
/**
 * The information fractions of the looks: earlier looks with fewer sessions than this one, each
 * sessions / planned capped at 1, then this look. Once an earlier look reached the planned size,
 * that was the final look and this one keeps its boundary (looking on past the plan spends nothing
 * more by design; raise expected-sessions to plan a longer experiment).
 */
export declare function lookFractions(priorLooks: readonly number[], sessions: number, planned: number): {
    fractions: number[];
    final: boolean;
};
/**
 * Re-randomisations for a permutation test held to `nominalAlpha`: enough that about 20 fall
 * beyond the critical value, at least 10,000. Below a level of 0.001 (the first looks of a
 * sequential design) no affordable number is enough: the test then cannot reject at this look and
 * says so, which only makes it conservative where an O'Brien–Fleming boundary almost never lets a
 * test reject anyway.
 */
export declare function permutationDraws(nominalAlpha: number): number;
