import type { Method } from '../config/experiment-config.js';
import {
  groupSequentialBoundaries,
  mixtureTuning,
  normalCdf,
  normalQuantile,
  repeatedPValue,
} from '../stats/index.js';
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
export function lookLevel(
  settings: LookSettings,
  priorLooks: readonly number[],
  sessions: number,
): LookLevel {
  const { method, alpha } = settings;
  if (method === 'fixed-horizon') {
    return { method, nominalAlpha: () => alpha, pValue: (p) => p, sequential: null };
  }
  if (method === 'always-valid') return alwaysValid(settings);
  const { fractions, final } = lookFractions(priorLooks, sessions, settings.expectedSessions);
  const looks = groupSequentialBoundaries(fractions, alpha);
  const last = looks[looks.length - 1]!;
  return {
    method,
    nominalAlpha: () => last.nominalAlpha,
    pValue: (p) => repeatedPValue(fractions, p),
    sequential: {
      look: new Set(priorLooks.filter((n) => n > 0 && n < sessions)).size + 1,
      fractions,
      boundary: Number.isFinite(last.boundary) ? last.boundary : null,
      nominalAlpha: last.nominalAlpha,
      spent: last.spent,
      final,
    },
  };
}

/**
 * The information fractions of the looks: earlier looks with fewer sessions than this one, each
 * sessions / planned capped at 1, then this look. Once an earlier look reached the planned size,
 * that was the final look and this one keeps its boundary (looking on past the plan spends nothing
 * more by design; raise expected-sessions to plan a longer experiment).
 */
export function lookFractions(
  priorLooks: readonly number[],
  sessions: number,
  planned: number,
): { fractions: number[]; final: boolean } {
  const fractions: number[] = [];
  const sorted = [...new Set(priorLooks)]
    .filter((n) => n > 0 && n < sessions)
    .sort((a, b) => a - b);
  for (const n of sorted) {
    const t = Math.min(1, n / planned);
    if (fractions.length > 0 && t <= fractions[fractions.length - 1]!) continue;
    fractions.push(t);
    if (t === 1) return { fractions, final: true };
  }
  const t = Math.min(1, Math.max(1, sessions) / planned);
  if (fractions.length === 0 || t > fractions[fractions.length - 1]!) fractions.push(t);
  return { fractions, final: t === 1 };
}

/**
 * The mixture confidence sequence (GrowthBook, Eppo): valid however often and however long the
 * experiment is looked at. Its boundary multiplier at n sessions is
 * √[2(nρ² + 1)/(nρ²)·ln(√(nρ² + 1)/α)]; a test is held to the level that multiplier has under a
 * normal, and its p-value is the sequence's, √(nρ² + 1)·exp(−z²nρ²/(2(nρ² + 1))) with z the normal
 * quantile of the same tail as the fixed-horizon p-value.
 */
function alwaysValid(settings: LookSettings): LookLevel {
  const rho = mixtureTuning(settings.alpha, settings.expectedSessions);
  const nRho2 = (sessions: number) => Math.max(2, sessions) * rho * rho;
  return {
    method: 'always-valid',
    nominalAlpha(sessions) {
      const v = nRho2(sessions);
      const multiplier = Math.sqrt(
        ((2 * (v + 1)) / v) * (0.5 * Math.log1p(v) - Math.log(settings.alpha)),
      );
      return 2 * normalCdf(-multiplier);
    },
    pValue(p, sessions) {
      if (!(p > 0)) return 0;
      const v = nRho2(sessions);
      const z = normalQuantile(1 - Math.min(1, p) / 2);
      return Math.min(1, Math.exp(0.5 * Math.log1p(v) - (z * z * v) / (2 * (v + 1))));
    },
    sequential: null,
  };
}

/**
 * Re-randomisations for a permutation test held to `nominalAlpha`: enough that about 20 fall
 * beyond the critical value, at least 10,000. Below a level of 0.001 (the first looks of a
 * sequential design) no affordable number is enough: the test then cannot reject at this look and
 * says so, which only makes it conservative where an O'Brien–Fleming boundary almost never lets a
 * test reject anyway.
 */
export function permutationDraws(nominalAlpha: number): number {
  if (nominalAlpha >= 0.002 || nominalAlpha < 0.001) return 10_000;
  return Math.ceil(20 / nominalAlpha);
}
