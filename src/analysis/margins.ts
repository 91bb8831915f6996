import type { ExperimentConfig } from '../config/experiment-config.js';
import type { MetricDefinition } from './metric-definitions.js';
import type { MetricReport } from './report-types.js';

/**
 * A metric's margin of equivalence and non-inferiority. A margin is a share of the control's value,
 * so it is read on the relative interval (the ratio's, from the same test), which keeps its
 * coverage where rates and durations change by proportions. Where there is no relative interval (a
 * control of 0, or one not distinguishable from 0) or the user set only an absolute margin, it is
 * read on the difference in the metric's units: the relative margin times the control's value, or,
 * when the control is 0 (a relative margin of 0 would prove nothing), the absolute margin: the
 * configured one, else for proportions and rates a tenth of the relative margin (1 percentage point
 * at the default 10%), else the relative margin of the treatment's value. Null when none can be set.
 */
export interface Margin {
  relative: number;
  /** In the difference's units; null when no margin applies (say why with `missing`). */
  absolute: number | null;
  /** The interval to compare with the margin: the relative one (log scale) or the difference. */
  on: 'relative' | 'difference';
  missing?: string;
}

export function marginOf(
  metric: MetricReport,
  definition: MetricDefinition,
  config: ExperimentConfig,
): Margin {
  const relative = definition.margin ?? config.equivalenceMargin;
  const control = metric.difference.control;
  const onlyAbsolute = definition.absoluteMargin !== undefined && definition.margin === undefined;
  if (onlyAbsolute) return { relative, absolute: definition.absoluteMargin!, on: 'difference' };
  if (
    metric.scale === 'log' ||
    (metric.relative.ci !== null && control !== null && control !== 0)
  ) {
    return {
      relative,
      absolute: control === null ? null : relative * Math.abs(control),
      on: 'relative',
    };
  }
  if (control !== null && control !== 0) {
    return { relative, absolute: relative * Math.abs(control), on: 'difference' };
  }
  if (definition.absoluteMargin !== undefined) {
    return { relative, absolute: definition.absoluteMargin, on: 'difference' };
  }
  if (definition.kind === 'binary' || definition.kind === 'ratio') {
    return { relative, absolute: relative / 10, on: 'difference' };
  }
  const treatment = metric.difference.treatment;
  if (treatment !== null && treatment !== 0) {
    return { relative, absolute: relative * Math.abs(treatment), on: 'difference' };
  }
  return {
    relative,
    absolute: null,
    on: 'difference',
    missing: `${metric.name} is 0 in both arms, so a relative margin is 0: set one in its units with --metrics '{"${metric.name}": {"absoluteMargin": …}}'`,
  };
}

/** The interval's harmful end (for a guardrail) in the units the margin is in. */
export function harmfulEnd(metric: MetricReport, margin: Margin): number | null {
  const ci = margin.on === 'relative' ? metric.relative.ci : metric.difference.ci;
  if (ci === null) return null;
  return metric.better === 'lower' ? ci[1] : ci[0];
}

/** The margin's bound on the harmful side, in the same units as `harmfulEnd`. */
export function harmfulLimit(metric: MetricReport, margin: Margin): number | null {
  const size = margin.on === 'relative' ? margin.relative : margin.absolute;
  if (size === null) return null;
  return metric.better === 'lower' ? size : -size;
}

/** The interval lies strictly inside ±margin. */
export function withinMargin(metric: MetricReport, margin: Margin): boolean {
  const ci = margin.on === 'relative' ? metric.relative.ci : metric.difference.ci;
  const size = margin.on === 'relative' ? margin.relative : margin.absolute;
  return ci !== null && size !== null && ci[0] > -size && ci[1] < size;
}
