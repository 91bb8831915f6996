import * as z from 'zod';
import {
  CORRECTIONS,
  DIRECTIONS,
  GUARDRAIL_POLICIES,
  METHODS,
  METRIC_KINDS,
  ROLES,
  SCALES,
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

/**
 * The test behind a metric's pValue: Welch's t (independent sessions), the within-task t (paired),
 * the CR2 cluster-robust t (clustered), a permutation test of the design's t statistic (small
 * samples), or for proportions the exact unconditional test or the Miettinen–Nurminen score test.
 */
export const testNameSchema = z.enum([
  'welch',
  'pairedT',
  'clusteredT',
  'permutation',
  'exactUnconditional',
  'scoreMN',
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
  .object({
    estimate: num.nullable(),
    ci: interval.nullable(),
    level: num,
    control: num
      .nullable()
      .describe(
        "The control's value the difference is from: its mean (or Σ numerator / Σ denominator), weighted by task when paired, its geometric mean on the log scale.",
      ),
    treatment: num.nullable().describe("The treatment's value, the same way."),
  })
  .describe(
    'Treatment minus control. On the log scale the interval is the ratio’s, at the control’s geometric mean.',
  );
const relative = z
  .object({ estimate: num.nullable(), ci: interval.nullable() })
  .describe(
    "(treatment − control) / |control| by the same test: Fieller's interval, or the log scale's.",
  );

export const inferenceReportSchema = z.object({
  reference: z
    .enum(['permutation', 'exact', 't', 'normal'])
    .describe(
      "permutation: the design's t statistic against its re-randomisation distribution; exact: an exact test; t / normal: the large-sample reference.",
    ),
  permutations: count.nullable().describe('Re-randomisations evaluated (permutation only).'),
  exact: z.boolean().describe('All re-randomisations were enumerated, or the test is exact.'),
  smallestPValue: num
    .nullable()
    .describe('The smallest p-value these data could give (permutation and exact tests).'),
  nominalAlpha: num.describe(
    "The two-sided level this look's test is held to: alpha, or the sequential boundary's.",
  ),
  nominalPValue: num
    .nullable()
    .describe(
      "This look's fixed-horizon p-value (under sequential methods pValue is the sequential one).",
    ),
});

export const guardrailReportSchema = z.object({
  margin: z
    .object({ relative: num, absolute: num.nullable() })
    .describe("The margin relative to the control, and in the metric's units (null if none)."),
  on: z
    .enum(['relative', 'difference'])
    .describe('The interval the margin is read on: the relative one, or the difference.'),
  harmfulBound: num.nullable().describe('The end of that interval on the harmful side.'),
  status: z
    .enum(['worse', 'within-margin', 'unproven'])
    .describe(
      'worse: shown worse; within-margin: shown not worse than the margin; unproven: neither.',
    ),
});

export const metricReportSchema = z.object({
  name: z.string(),
  kind: z.enum(METRIC_KINDS),
  better: z.enum(DIRECTIONS),
  role: z.enum(ROLES),
  control: armSummarySchema,
  treatment: armSummarySchema,
  difference,
  relative,
  scale: z.enum(SCALES).describe('linear, or log: compared as a ratio of geometric means.'),
  inference: inferenceReportSchema.describe('How the p-value and intervals were reached.'),
  guardrail: guardrailReportSchema
    .nullable()
    .describe('Guardrails only: the margin, and whether the interval shows the metric within it.'),
  method: z
    .enum(METHODS)
    .describe(
      'fixed-horizon; sequential: a group-sequential design; always-valid: a confidence sequence.',
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
    newcombe: z
      .object({ ci: interval })
      .nullable()
      .describe("Newcombe's hybrid score interval of a difference of proportions (method 10)."),
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
  sessionsNeeded: count.nullable().describe('Per arm, when more sessions are what it takes.'),
  unprovenGuardrails: z
    .array(z.string())
    .describe('Guardrails not shown within their margins (the verdict line names them).'),
});

export const sequentialReportSchema = z.object({
  look: count.describe("This look's number, counting earlier looks the store remembers."),
  fractions: z
    .array(num)
    .describe(
      'Information fractions of the looks so far (sessions over expectedSessions, at most 1).',
    ),
  boundary: num
    .nullable()
    .describe("This look's boundary on |z|; null when this look spends no α."),
  nominalAlpha: num.describe("The two-sided nominal level of this look's boundary."),
  spent: num.describe('Two-sided α spent up to and including this look.'),
  final: z
    .boolean()
    .describe(
      'The planned size has been reached: this is the final look (later looks keep its boundary).',
    ),
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

const arm = z.enum(['control', 'treatment']);
const solvedSchema = z
  .object({ solved: count, sessions: count })
  .describe(
    'Sessions of one arm on one task that solved it, out of those that say whether they did.',
  );

export const taskRowSchema = z
  .object({
    task: z.string(),
    category: z.string().nullable().describe("The task's category, as its first session names it."),
    sessions: z.object({ control: count, treatment: count }),
    control: num
      .nullable()
      .describe(
        "The primary metric over the task's sessions of the arm: a mean, or Σ/Σ for a ratio.",
      ),
    treatment: num.nullable(),
    difference: num
      .nullable()
      .describe('Treatment minus control; null unless both arms ran the task.'),
    outcome: z
      .enum(['win', 'loss', 'tie'])
      .nullable()
      .describe('For the treatment: better (win), worse (loss) or equal (tie).'),
    influence: num
      .nullable()
      .describe(
        'How far the mean of the per-task differences moves when this task is left out; null unless both arms ran it.',
      ),
    solved: z.object({ control: solvedSchema.nullable(), treatment: solvedSchema.nullable() }),
    flipped: arm
      .nullable()
      .describe('The arm that solved the task every time while the other never did.'),
    flaky: z
      .array(arm)
      .describe('The arms whose repetitions disagree: solved in some and not in others.'),
  })
  .describe(
    'One task: the primary metric per arm, the paired difference, how often each arm solved it.',
  );

export const verdictCheckSchema = z
  .object({
    kind: z.enum(['task', 'category']),
    name: z.string(),
    sessions: count.describe('Sessions left out with it, both arms.'),
    verdict: verdictSchema,
    winner: z.string().nullable(),
  })
  .describe('The verdict with one task or one category left out.');

export const passAtKSchema = z
  .object({
    k: count,
    tasks: count.describe(
      'Tasks with at least k sessions in each arm, which the averages are over.',
    ),
    control: z.object({ passAtK: num, passHatK: num }),
    treatment: z.object({ passAtK: num, passHatK: num }),
  })
  .describe(
    'pass@k (solved at least once in k tries) and pass^k (solved all k times), averaged over tasks.',
  );

export const taskDrilldownSchema = z
  .object({
    metric: z.string().describe('The primary metric, compared per task.'),
    better: z.enum(DIRECTIONS),
    outcome: z
      .string()
      .nullable()
      .describe(
        'The metric that says whether a session solved its task (for flipped, flaky and pass@k): the primary metric when binary, else success.',
      ),
    counts: z.object({
      paired: count.describe('Tasks both arms ran.'),
      controlOnly: count,
      treatmentOnly: count,
      wins: count,
      losses: count,
      ties: count,
      flipped: z.object({ control: count, treatment: count }),
      flaky: z.object({ control: count, treatment: count }),
    }),
    passAtK: passAtKSchema
      .nullable()
      .describe('With repetitions (k ≥ 2 sessions per task in each arm).'),
    robustness: z
      .object({ checks: z.array(verdictCheckSchema), restsOn: verdictCheckSchema.nullable() })
      .nullable()
      .describe(
        'Whether the verdict survives leaving out its most influential tasks and category, each in turn until one changes it (restsOn); null unless the verdict is a decision.',
      ),
    rows: z.array(taskRowSchema).describe('The tasks, most influential first, at most 5,000.'),
    omittedRows: count.describe('Tasks left out of rows by that limit: the least influential.'),
  })
  .describe('The per-task drill-down of the primary metric.');

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
        .describe('Sequential methods only: the planned size (sessions, both arms).'),
      design: z.string().describe("The primary metric's design, in plain words."),
      alpha: num,
      minEffect: num,
      equivalenceMargin: num,
      power: num,
      correction: z.enum(CORRECTIONS),
      guardrailPolicy: z.enum(GUARDRAIL_POLICIES),
      sequential: sequentialReportSchema
        .nullable()
        .describe(
          'The group-sequential look (method sequential): where this look stands in the design.',
        ),
    }),
    metrics: z.array(metricReportSchema),
    segments: z
      .array(segmentReportSchema)
      .describe(
        'Breakdowns of the primary metric by the configured fields; empty when none were asked for.',
      ),
    tasks: taskDrilldownSchema
      .nullable()
      .describe(
        'The per-task drill-down of the primary metric; null unless some task ran in both arms.',
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
export type InferenceReport = z.infer<typeof inferenceReportSchema>;
export type GuardrailReport = z.infer<typeof guardrailReportSchema>;
export type SequentialReport = z.infer<typeof sequentialReportSchema>;
export type SegmentReport = z.infer<typeof segmentReportSchema>;
export type SrmReport = z.infer<typeof srmReportSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;
export type InputSummary = z.infer<typeof inputSummarySchema>;
export type Report = z.infer<typeof reportSchema>;
export type TaskRow = z.infer<typeof taskRowSchema>;
export type VerdictCheck = z.infer<typeof verdictCheckSchema>;
export type PassAtK = z.infer<typeof passAtKSchema>;
export type TaskDrilldown = z.infer<typeof taskDrilldownSchema>;
