import * as z from 'zod';
import {
  CORRECTIONS,
  DIRECTIONS,
  METHODS,
  METRIC_KINDS,
  ROLES,
} from '../config/experiment-config.js';

/**
 * Report contract v1 (DESIGN.md): what `analyze --json` prints and the Action writes to
 * `report-json`. These zod schemas are its one definition: the TypeScript types below are
 * inferred from them, and `npm run schema` writes schema/report.schema.json from them. Names
 * are fixed; fields may be added, never renamed. Every difference is treatment minus control.
 */
const num = z.number();
const count = z.number().int().min(0);
const interval = z.tuple([num, num]).describe('[lower, upper]');
const direction = z.enum(['better', 'worse', 'none']);

export const verdictSchema = z.enum([
  'adopt',
  'reject',
  'no-difference',
  'inconclusive',
  'insufficient-data',
]);

/** The test behind a metric's pValue: the classical tests, or the paired / clustered / z estimators. */
export const testNameSchema = z.enum([
  'welch',
  'fisher',
  'deltaMethod',
  'z',
  'pairedT',
  'clusteredZ',
]);

export const armSummarySchema = z.object({
  n: count,
  mean: num.nullable(),
  sd: num.nullable(),
  median: num.nullable(),
  ci: interval.nullable(),
});

export const welchReportSchema = z.object({
  statistic: num,
  df: num,
  pValue: num,
  ci: interval,
});

export const mannWhitneyReportSchema = z.object({
  u: num,
  pValue: num,
  method: z.enum(['exact', 'asymptotic']),
});

export const designReportSchema = z.object({
  kind: z.enum(['paired', 'clustered', 'independent']),
  explanation: z.string().describe('One or two plain sentences: which comparison and why.'),
  tasks: count
    .nullable()
    .describe(
      'Paired: the tasks both arms ran; clustered: the clusters (tasks) in both arms together.',
    ),
  correlation: num.nullable().describe("Paired: correlation of the arms' per-task values."),
  varianceSaved: num
    .nullable()
    .describe('Paired: the share of variance pairing removed, 1 − Var(d)/(Var(t) + Var(c)).'),
  designEffect: num
    .nullable()
    .describe(
      'Clustered: how much clustering inflates the variance over treating sessions as independent.',
    ),
});

const difference = z
  .object({ estimate: num.nullable(), ci: interval.nullable(), level: num })
  .describe('Treatment minus control.');
const relative = z
  .object({ estimate: num.nullable(), ci: interval.nullable() })
  .describe('(treatment − control) / |control|, interval by the delta method.');

export const metricReportSchema = z.object({
  name: z.string(),
  kind: z.enum(METRIC_KINDS),
  better: z.enum(DIRECTIONS),
  role: z.enum(ROLES),
  control: armSummarySchema,
  treatment: armSummarySchema,
  difference,
  relative,
  method: z
    .enum(METHODS)
    .describe(
      'fixed-horizon, or sequential: an always-valid confidence sequence, safe to look at every run.',
    ),
  design: designReportSchema.describe(
    'How the sessions were compared: paired by task, clustered by task, or independent.',
  ),
  test: testNameSchema.nullable(),
  pValue: num.nullable(),
  adjustedPValue: num.nullable(),
  significant: z.boolean(),
  direction,
  tests: z.object({
    welch: welchReportSchema.nullable(),
    mannWhitney: mannWhitneyReportSchema.nullable(),
    fisher: z.object({ pValue: num }).nullable(),
    deltaMethod: welchReportSchema.nullable(),
  }),
  power: z.object({
    sessionsNeeded: num
      .nullable()
      .describe('Sessions per arm to detect the minimum effect at the configured power.'),
    minimumDetectableEffect: z
      .object({ absolute: num, relative: num.nullable() })
      .nullable()
      .describe('The smallest effect this many sessions can detect at that power.'),
    basis: z
      .object({ se: num, sessions: num, controlValue: num })
      .nullable()
      .describe(
        "What the plan rests on: the difference's standard error with this many sessions, and the control's value.",
      ),
  }),
  chanceToBeat: num
    .nullable()
    .describe(
      'Bayesian chance that the treatment is better (flat prior, normal posterior); primary metric only, when asked.',
    ),
  capped: z
    .object({ percentile: num, cap: num, count })
    .nullable()
    .describe(
      'Values above the cap (a percentile of both arms pooled) were set to the cap before testing.',
    ),
  notes: z.array(z.string()).describe('Why a value above is null, in plain words.'),
});

export const segmentReportSchema = z
  .object({
    field: z.string(),
    metric: z.string(),
    correction: z.literal('bh'),
    groups: z.array(
      z.object({
        value: z.string(),
        sessions: z.object({ control: count, treatment: count }),
        control: armSummarySchema,
        treatment: armSummarySchema,
        difference,
        relative,
        design: designReportSchema.shape.kind,
        test: testNameSchema.nullable(),
        pValue: num.nullable(),
        adjustedPValue: num.nullable(),
        significant: z.boolean(),
        direction,
      }),
    ),
  })
  .describe(
    'The primary metric within each value of one field, Benjamini–Hochberg across the values.',
  );

export const srmReportSchema = z.object({
  statistic: num.nullable(),
  pValue: num.nullable(),
  expected: z.tuple([num, num]),
  mismatch: z.boolean(),
});

export const recommendationSchema = z.object({
  verdict: verdictSchema,
  winner: z.string().nullable(),
  reason: z.string(),
  sessionsNeeded: count.nullable().describe('Per arm, when undecided.'),
});

const counts = z.record(z.string(), count);

export const inputSummarySchema = z.object({
  files: z.array(z.string()),
  recordsRead: count,
  duplicates: z.object({
    identical: count,
    conflicting: count,
    conflictingIds: z.array(z.string()),
  }),
  skippedInvalid: count,
  otherVariants: counts.describe(
    'Sessions of variants other than control and treatment, left out.',
  ),
  otherExperiments: counts.describe('Records of other experiments, left out.'),
});

export const reportSchema = z
  .object({
    schemaVersion: z.literal(1),
    experiment: z.string(),
    control: z.string(),
    treatment: z.string(),
    sessions: counts.describe('Sessions per variant.'),
    analysis: z.object({
      method: z.enum(METHODS),
      expectedSessions: num
        .nullable()
        .describe('Sequential only: the sessions the boundary is tuned for.'),
      design: z.string().describe("The primary metric's design, in plain words."),
      alpha: num,
      minEffect: num,
      equivalenceMargin: num,
      power: num,
      correction: z.enum(CORRECTIONS),
    }),
    metrics: z.array(metricReportSchema),
    segments: z
      .array(segmentReportSchema)
      .describe(
        'Breakdowns of the primary metric by the configured fields; empty when none were asked for.',
      ),
    srm: srmReportSchema,
    recommendation: recommendationSchema,
    warnings: z.array(z.string()),
    input: inputSummarySchema,
  })
  .meta({
    title: 'ab-verdict report, contract v1',
    description:
      'What `ab-verdict analyze --json` prints and the Action writes to report-json. Every difference is treatment minus control. Names are fixed; fields may be added.',
  });

export type Interval = [number, number];
export type Verdict = z.infer<typeof verdictSchema>;
export type TestName = z.infer<typeof testNameSchema>;
export type ArmSummary = z.infer<typeof armSummarySchema>;
export type WelchReport = z.infer<typeof welchReportSchema>;
export type MannWhitneyReport = z.infer<typeof mannWhitneyReportSchema>;
export type MetricReport = z.infer<typeof metricReportSchema>;
export type DesignReport = z.infer<typeof designReportSchema>;
export type SegmentReport = z.infer<typeof segmentReportSchema>;
export type SrmReport = z.infer<typeof srmReportSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;
export type InputSummary = z.infer<typeof inputSummarySchema>;
export type Report = z.infer<typeof reportSchema>;
