import * as z from 'zod';

export const METRIC_KINDS = ['binary', 'continuous', 'count', 'ratio'] as const;
export const DIRECTIONS = ['higher', 'lower'] as const;
export const ROLES = ['primary', 'secondary', 'guardrail'] as const;
export const CORRECTIONS = ['holm', 'bh', 'none'] as const;
export const METHODS = ['sequential', 'fixed-horizon', 'always-valid'] as const;
export const SCALES = ['linear', 'log'] as const;
export const GUARDRAIL_POLICIES = ['harm', 'non-inferiority'] as const;

export type MetricKind = (typeof METRIC_KINDS)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type Role = (typeof ROLES)[number];
export type Correction = (typeof CORRECTIONS)[number];
export type Method = (typeof METHODS)[number];
export type Scale = (typeof SCALES)[number];
export type GuardrailPolicy = (typeof GUARDRAIL_POLICIES)[number];

/** How one metric is configured: every part optional, so a user overrides only what differs. */
export const metricOverrideSchema = z.strictObject({
  kind: z.enum(METRIC_KINDS).optional(),
  better: z.enum(DIRECTIONS).optional(),
  role: z.enum(ROLES).optional(),
  /** A ratio metric's columns, e.g. `metrics.errors` over `metrics.requests`. */
  numerator: z.string().min(1).optional(),
  denominator: z.string().min(1).optional(),
  /** Leave a metric out of the analysis. */
  enabled: z.boolean().optional(),
  /** Compare on the log scale (a ratio of geometric means), for durations and other positive, skewed values. */
  scale: z.enum(SCALES).optional(),
  /** Margin of a guardrail's non-inferiority and of equivalence, relative to the control (0.1 = 10%). */
  margin: z.number().gt(0).optional(),
  /** The same margin in the metric's own units: used where a relative margin cannot be (a control of 0). */
  absoluteMargin: z.number().gt(0).optional(),
});
export type MetricOverride = z.infer<typeof metricOverrideSchema>;

const probability = z.number().gt(0).lt(1);

export const experimentConfigSchema = z.strictObject({
  /** Which experiment's records to analyse; undefined means "the one the records name". */
  experiment: z.string().min(1).optional(),
  control: z.string().min(1),
  treatment: z.string().min(1),
  primary: z.string().min(1),
  alpha: probability,
  /** Smallest relative change worth detecting, as a fraction of the control mean (0.1 = 10%). */
  minEffect: z.number().gt(0),
  /** Relative margin inside which the primary metric counts as unchanged; defaults to minEffect. */
  equivalenceMargin: z.number().gt(0),
  power: probability,
  /** Expected share of sessions per arm, [control, treatment], summing to 1. */
  expectedSplit: z.tuple([probability, probability]),
  correction: z.enum(CORRECTIONS),
  /**
   * sequential: a group-sequential design (O'Brien–Fleming α spending over the looks made so far,
   * final look at expectedSessions); always-valid: a confidence sequence, for open-ended monitoring;
   * fixed-horizon: one look at a size fixed in advance.
   */
  method: z.enum(METHODS),
  /** The sessions (both arms) the experiment is planned to end at: the sequential final look. */
  expectedSessions: z.number().int().min(2),
  /** harm: adopt unless a guardrail is shown worse; non-inferiority: adopt only when every guardrail is shown within its margin. */
  guardrailPolicy: z.enum(GUARDRAIL_POLICIES),
  /** Cap continuous metrics at this percentile of both arms pooled (0.99), or none. */
  capPercentile: z.number().gt(0).lt(1).nullable(),
  /** Top-level record fields to break the results down by (`category`, `difficulty`, `model`, …). */
  segments: z.array(z.string().min(1)),
  /** Report the Bayesian chance that the treatment beats the control on the primary metric. */
  chanceToBeat: z.boolean(),
  onInvalid: z.enum(['fail', 'skip']),
  metrics: z.record(z.string().min(1), metricOverrideSchema),
});
export type ExperimentConfig = z.infer<typeof experimentConfigSchema>;

export const DEFAULT_CONFIG: ExperimentConfig = {
  control: 'cold',
  treatment: 'warm',
  primary: 'tool_error_rate',
  alpha: 0.05,
  minEffect: 0.1,
  equivalenceMargin: 0.1,
  power: 0.8,
  expectedSplit: [0.5, 0.5],
  correction: 'holm',
  method: 'fixed-horizon',
  expectedSessions: 400,
  guardrailPolicy: 'harm',
  capPercentile: null,
  segments: [],
  chanceToBeat: false,
  onInvalid: 'fail',
  metrics: {},
};
