import type { Correction } from '../config/experiment-config.js';
import { benjaminiHochberg, holm } from '../stats/index.js';
import type { MetricReport } from './report-types.js';

/**
 * Sets `adjustedPValue`, `significant` and `direction` on every metric. The primary metric is the
 * one confirmatory test and is not adjusted; the other metrics form one family, corrected together.
 */
export function applyFamilyCorrection(
  metrics: MetricReport[],
  correction: Correction,
  alpha: number,
): MetricReport[] {
  const family = metrics.filter((m) => m.role !== 'primary' && m.pValue !== null);
  const raw = family.map((m) => m.pValue!);
  const adjusted =
    correction === 'holm' ? holm(raw) : correction === 'bh' ? benjaminiHochberg(raw) : raw;
  const adjustedByName = new Map(family.map((m, i) => [m.name, adjusted[i]!]));

  return metrics.map((metric) => {
    const adjustedPValue =
      metric.role === 'primary' ? metric.pValue : (adjustedByName.get(metric.name) ?? null);
    const significant = adjustedPValue !== null && adjustedPValue < alpha;
    const estimate = metric.difference.estimate ?? 0;
    const improved = metric.better === 'higher' ? estimate > 0 : estimate < 0;
    return {
      ...metric,
      adjustedPValue,
      significant,
      direction: !significant || estimate === 0 ? 'none' : improved ? 'better' : 'worse',
    };
  });
}
