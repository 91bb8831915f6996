import type { ExperimentConfig } from '../config/experiment-config.js';
import { benjaminiHochberg, holm } from '../stats/index.js';
import { harmfulEnd, harmfulLimit, marginOf } from './margins.js';
import type { MetricDefinition } from './metric-definitions.js';
import type { MetricReport } from './report-types.js';

/**
 * Sets `adjustedPValue`, `significant`, `direction` and each guardrail's status, so that a verdict
 * keeps its error rate at alpha when the variants do not differ, however many metrics are logged:
 * - "better" is a claim about the primary metric alone, at alpha/2 on its side (two-sided alpha);
 * - "worse" claims (the primary metric worse, a guardrail worse) share the other alpha/2: one-sided
 *   tests of harm, Holm-adjusted together; their adjusted p-values are shown doubled, on the
 *   two-sided scale of the others;
 * - secondaries are descriptive: corrected among themselves with the configured correction, and a
 *   guardrail that improved is marked better by the same correction among the guardrails.
 * A guardrail's status says whether it was shown worse, shown within its margin (the harmful end of
 * its interval inside the margin: non-inferiority at the interval's level), or neither.
 */
export function applyFamilies(
  metrics: MetricReport[],
  definitions: MetricDefinition[],
  config: ExperimentConfig,
): MetricReport[] {
  const { alpha } = config;
  const harmful = (m: MetricReport) => {
    const estimate = m.difference.estimate ?? 0;
    return m.better === 'lower' ? estimate > 0 : estimate < 0;
  };
  const tested = (m: MetricReport) => m.pValue !== null;

  const harmFamily = metrics.filter(
    (m) => tested(m) && (m.role === 'guardrail' || m.role === 'primary'),
  );
  const harmAdjusted = holm(
    harmFamily.map((m) => (harmful(m) ? m.pValue! / 2 : 1 - m.pValue! / 2)),
  );
  const worse = new Map(harmFamily.map((m, i) => [m.name, harmAdjusted[i]!]));

  const corrected = (role: 'secondary' | 'guardrail') => {
    const family = metrics.filter((m) => tested(m) && m.role === role);
    const raw = family.map((m) => m.pValue!);
    const adjusted =
      config.correction === 'holm'
        ? holm(raw)
        : config.correction === 'bh'
          ? benjaminiHochberg(raw)
          : raw;
    return new Map(family.map((m, i) => [m.name, adjusted[i]!]));
  };
  const secondaries = corrected('secondary');
  const guardrailBenefit = corrected('guardrail');
  const definitionOf = new Map(definitions.map((d) => [d.name, d]));

  return metrics.map((metric) => {
    if (!tested(metric))
      return { ...metric, adjustedPValue: null, significant: false, direction: 'none' };
    let adjustedPValue: number;
    let direction: MetricReport['direction'] = 'none';
    if (metric.role === 'secondary') {
      adjustedPValue = secondaries.get(metric.name)!;
      if (adjustedPValue < alpha && (metric.difference.estimate ?? 0) !== 0) {
        direction = harmful(metric) ? 'worse' : 'better';
      }
    } else if (harmful(metric)) {
      const oneSided = worse.get(metric.name)!;
      adjustedPValue = Math.min(1, 2 * oneSided);
      if (oneSided < alpha / 2) direction = 'worse';
    } else {
      adjustedPValue =
        metric.role === 'primary' ? metric.pValue! : guardrailBenefit.get(metric.name)!;
      if (adjustedPValue < alpha && (metric.difference.estimate ?? 0) !== 0) direction = 'better';
    }
    const judged: MetricReport = {
      ...metric,
      adjustedPValue,
      significant: direction !== 'none',
      direction,
    };
    return metric.role === 'guardrail'
      ? { ...judged, guardrail: guardrailReport(judged, definitionOf.get(metric.name)!, config) }
      : judged;
  });
}

function guardrailReport(
  metric: MetricReport,
  definition: MetricDefinition,
  config: ExperimentConfig,
): NonNullable<MetricReport['guardrail']> {
  const margin = marginOf(metric, definition, config);
  const bound = harmfulEnd(metric, margin);
  const limit = harmfulLimit(metric, margin);
  const inside =
    bound !== null && limit !== null && (metric.better === 'lower' ? bound < limit : bound > limit);
  return {
    margin: {
      relative: margin.relative,
      absolute: margin.absolute,
    },
    on: margin.on,
    harmfulBound: bound,
    status: metric.direction === 'worse' ? 'worse' : inside ? 'within-margin' : 'unproven',
  };
}
