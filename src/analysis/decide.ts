import type { ExperimentConfig } from '../config/experiment-config.js';
import { formatNumber, formatPercent, formatPValue, pEquals } from './format-number.js';
import { marginOf, withinMargin } from './margins.js';
import type { MetricDefinition } from './metric-definitions.js';
import type { MetricReport, Recommendation } from './report-types.js';

/**
 * The decision policy (README, "How ab-verdict decides"), after `applyFamilies`:
 * - insufficient-data: the primary metric cannot be tested, or no test of these sessions could
 *   reach alpha at all;
 * - reject: the primary metric or a guardrail is shown worse;
 * - adopt: the primary metric is shown better and no guardrail worse (with guardrail policy
 *   non-inferiority, every guardrail must also be shown within its margin; otherwise the verdict
 *   names the guardrails it could not show within their margins);
 * - no-difference: the primary metric's interval lies inside its equivalence margin;
 * - inconclusive: none of these yet.
 */
export function decide(
  metrics: MetricReport[],
  definitions: MetricDefinition[],
  config: ExperimentConfig,
): Recommendation {
  const { control, treatment } = config;
  const primary = metrics.find((m) => m.role === 'primary');
  if (!primary) throw new Error('no primary metric');
  const name = primary.name;
  const guardrails = metrics.filter((m) => m.role === 'guardrail');
  const unproven = guardrails.filter((m) => m.guardrail?.status === 'unproven');
  const unprovenGuardrails = unproven.map((m) => m.name);
  const decided = (
    verdict: Recommendation['verdict'],
    winner: string | null,
    reason: string,
  ): Recommendation => ({ verdict, winner, reason, sessionsNeeded: null, unprovenGuardrails });

  const cannot = cannotDecide(primary, config);
  if (cannot !== null) {
    return {
      verdict: 'insufficient-data',
      winner: null,
      reason: cannot.reason,
      sessionsNeeded: cannot.sizeIsTheCause ? primary.power.sessionsNeeded : null,
      unprovenGuardrails,
    };
  }

  const worse = guardrails.filter((m) => m.direction === 'worse');
  const worseText = worse.map((m) => `${m.name} (${pEquals(m.adjustedPValue)})`).join(', ');
  const change = describeChange(primary, treatment);

  if (primary.direction === 'better') {
    if (worse.length > 0) {
      return decided(
        'reject',
        control,
        `${change}, but it makes the guardrail ${worseText} significantly worse.`,
      );
    }
    if (unproven.length > 0 && config.guardrailPolicy === 'non-inferiority') {
      return {
        ...decided(
          'inconclusive',
          null,
          `${change}, but ${unprovenText(unproven)}; with guardrail policy non-inferiority, adopting needs every guardrail shown within its margin.`,
        ),
        sessionsNeeded: maxNeeded(unproven),
      };
    }
    const caveat = unproven.length > 0 ? `; ${unprovenText(unproven)}` : '';
    return decided('adopt', treatment, `${change} and no guardrail got worse${caveat}.`);
  }
  if (primary.direction === 'worse') {
    return decided('reject', control, `${change}: worse than ${control}.`);
  }
  if (worse.length > 0) {
    return decided(
      'reject',
      control,
      `${treatment} does not change ${name} significantly (${pEquals(primary.pValue)}) and makes the guardrail ${worseText} significantly worse.`,
    );
  }

  const definition = definitions.find((d) => d.name === name)!;
  const margin = marginOf(primary, definition, config);
  if (withinMargin(primary, margin)) {
    const ci = margin.on === 'relative' ? primary.relative.ci! : primary.difference.ci!;
    const show = (x: number) => (margin.on === 'relative' ? formatPercent(x) : formatNumber(x));
    const size =
      margin.on === 'relative'
        ? formatPercent(margin.relative, false)
        : formatNumber(margin.absolute);
    return decided(
      'no-difference',
      null,
      `${treatment} and ${control} are equivalent on ${name}: the change lies between ${show(ci[0])} and ${show(ci[1])}, inside the margin of ±${size}.`,
    );
  }
  const needed = primary.power.sessionsNeeded;
  const plan =
    needed === null
      ? (margin.missing ?? 'the sessions needed cannot be estimated from these data')
      : `about ${needed} sessions per arm would detect a ${formatPercent(config.minEffect, false)} change with ${formatPercent(config.power, false)} power`;
  return {
    ...decided(
      'inconclusive',
      null,
      `No significant difference in ${name} yet (${pEquals(primary.pValue)}); ${plan}.`,
    ),
    sessionsNeeded: needed,
  };
}

/** Why the primary metric cannot decide anything with these sessions, or null. */
function cannotDecide(
  primary: MetricReport,
  config: ExperimentConfig,
): { reason: string; sizeIsTheCause: boolean } | null {
  const name = primary.name;
  if (primary.pValue === null) {
    const why = primary.notes[0] ?? `${name}: no test is defined for these data`;
    return { reason: `${capitalize(why)}.`, sizeIsTheCause: false };
  }
  const smallest = primary.inference.smallestPValue;
  if (smallest !== null && smallest >= config.alpha) {
    const counts =
      primary.design.kind === 'clustered'
        ? `${primary.design.tasks ?? 0} tasks in all (the units of a clustered comparison)`
        : `${primary.control.n} and ${primary.treatment.n} sessions`;
    const hint =
      primary.design.kind === 'clustered'
        ? ' Run more tasks, or run both variants on the same tasks so that each task is compared with itself.'
        : ' Run more sessions.';
    return {
      reason: `With ${counts}, no test of ${name} can reach p < ${config.alpha}: the smallest p-value their values allow is ${formatPValue(smallest)}.${hint}`,
      sizeIsTheCause: true,
    };
  }
  return null;
}

function unprovenText(unproven: MetricReport[]): string {
  const parts = unproven.map((m) => {
    const g = m.guardrail!;
    const show = (x: number | null) =>
      x === null ? '—' : g.on === 'relative' ? formatPercent(x) : formatNumber(x);
    const limit = g.on === 'relative' ? g.margin.relative : g.margin.absolute;
    const signed = limit === null ? null : m.better === 'lower' ? limit : -limit;
    return g.harmfulBound === null
      ? `${m.name} (no interval yet)`
      : `${m.name} (its interval reaches ${show(g.harmfulBound)}, margin ${show(signed)})`;
  });
  return `not shown within ${unproven.length === 1 ? 'its margin' : 'their margins'}: ${parts.join(', ')}`;
}

function maxNeeded(metrics: MetricReport[]): number | null {
  const needed = metrics.map((m) => m.power.sessionsNeeded);
  return needed.some((n) => n === null) ? null : Math.max(...(needed as number[]));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * `warm lowers tool_error_rate by 42% (0.121 → 0.0700, p = 0.0003)`: the numbers are those the
 * change is computed from (task-weighted when paired; geometric means on the log scale).
 */
function describeChange(metric: MetricReport, treatment: string): string {
  const estimate = metric.difference.estimate ?? 0;
  const verb = estimate < 0 ? 'lowers' : 'raises';
  const size =
    metric.relative.estimate !== null
      ? formatPercent(Math.abs(metric.relative.estimate), false)
      : formatNumber(Math.abs(estimate));
  const basis =
    metric.scale === 'log'
      ? 'geometric mean '
      : metric.design.kind === 'paired' && (metric.design.tasks ?? 0) > 1
        ? 'task-weighted '
        : '';
  return `${treatment} ${verb} ${metric.name} by ${size} (${basis}${formatNumber(metric.difference.control)} → ${formatNumber(metric.difference.treatment)}, ${pEquals(metric.pValue)})`;
}
