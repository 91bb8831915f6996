import type { ExperimentConfig } from '../config/experiment-config.js';
import { minimumSessionsForSignificance } from '../stats/index.js';
import { formatNumber, formatPercent, pEquals } from './format-number.js';
import type { MetricReport, Recommendation } from './report-types.js';

/**
 * The decision policy (README, "How to read a verdict"): the primary metric decides; a guardrail
 * that is significantly worse blocks adoption; an interval inside the equivalence margin means no
 * difference; too few sessions for any test to reach alpha means insufficient data.
 */
export function decide(metrics: MetricReport[], config: ExperimentConfig): Recommendation {
  const { control, treatment } = config;
  const primary = metrics.find((m) => m.role === 'primary');
  if (!primary) throw new Error('no primary metric');
  const name = primary.name;

  const minimum = minimumSessionsForSignificance(config.alpha);
  const short = Math.min(primary.control.n, primary.treatment.n) < minimum;
  if (short || primary.pValue === null) {
    const reason = short
      ? `Need at least ${minimum} sessions per arm with ${name} to detect a difference at alpha ${config.alpha}; have ${control} ${primary.control.n}, ${treatment} ${primary.treatment.n}.`
      : `${name} cannot be tested yet: ${primary.notes[0] ?? 'no test is defined for these data'}.`;
    return {
      verdict: 'insufficient-data',
      winner: null,
      reason,
      sessionsNeeded: Math.max(minimum, primary.power.sessionsNeeded ?? minimum),
    };
  }

  const worseGuardrails = metrics.filter((m) => m.role === 'guardrail' && m.direction === 'worse');
  const guardrailText = worseGuardrails
    .map((m) => `${m.name} (${pEquals(m.adjustedPValue)})`)
    .join(', ');
  const change = describeChange(primary, treatment);

  if (primary.direction === 'better') {
    if (worseGuardrails.length > 0) {
      return decided(
        'reject',
        control,
        `${change}, but it makes the guardrail ${guardrailText} significantly worse.`,
      );
    }
    return decided('adopt', treatment, `${change} and no guardrail got worse.`);
  }
  if (primary.direction === 'worse') {
    return decided('reject', control, `${change}: worse than ${control}.`);
  }
  if (worseGuardrails.length > 0) {
    return decided(
      'reject',
      control,
      `${treatment} does not change ${name} significantly (${pEquals(primary.pValue)}) and makes the guardrail ${guardrailText} significantly worse.`,
    );
  }

  const margin = config.equivalenceMargin * Math.abs(primary.control.mean ?? 0);
  const ci = primary.difference.ci;
  if (ci && margin > 0 && ci[0] > -margin && ci[1] < margin) {
    return decided(
      'no-difference',
      null,
      `${treatment} and ${control} are equivalent on ${name}: the change lies between ${formatNumber(ci[0])} and ${formatNumber(ci[1])}, inside the margin of ±${formatNumber(margin)} (${formatPercent(config.equivalenceMargin, false)} of ${control}).`,
    );
  }
  const needed = primary.power.sessionsNeeded;
  const plan =
    needed === null
      ? 'the sessions needed cannot be estimated from these data'
      : `about ${needed} sessions per arm would detect a ${formatPercent(config.minEffect, false)} change with ${formatPercent(config.power, false)} power`;
  return {
    verdict: 'inconclusive',
    winner: null,
    reason: `No significant difference in ${name} yet (${pEquals(primary.pValue)}); ${plan}.`,
    sessionsNeeded: needed,
  };
}

function decided(
  verdict: Recommendation['verdict'],
  winner: string | null,
  reason: string,
): Recommendation {
  return { verdict, winner, reason, sessionsNeeded: null };
}

/** `warm lowers tool_error_rate by 42% (0.121 → 0.0700, p = 0.0003)`. */
function describeChange(metric: MetricReport, treatment: string): string {
  const estimate = metric.difference.estimate ?? 0;
  const verb = estimate < 0 ? 'lowers' : 'raises';
  const size =
    metric.relative.estimate !== null
      ? formatPercent(Math.abs(metric.relative.estimate), false)
      : formatNumber(Math.abs(estimate));
  return `${treatment} ${verb} ${metric.name} by ${size} (${formatNumber(metric.control.mean)} → ${formatNumber(metric.treatment.mean)}, ${pEquals(metric.pValue)})`;
}
