import * as z from 'zod';
import { ROW_LIMIT } from '../analysis/task-drilldown.js';
import type { ReportView } from './view.js';

/**
 * The `ReportView` as another run wrote it (the `post-report` mode reads it from a pull request's
 * artifact, which a fork controls). Every field the Markdown shows is checked for its type, so
 * that nothing but escaped strings and formatted numbers reaches the comment; fields not listed
 * are dropped. Lists have caps far above what ab-verdict writes, so a forged one is refused
 * by name rather than rendered at any length.
 */
const num = z.number();
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max);
const interval = z.tuple([num, num]);
const verdict = z.enum(['adopt', 'reject', 'no-difference', 'inconclusive', 'insufficient-data']);
const arm = z.object({
  n: z.number().int().min(0),
  mean: num.nullable(),
  sd: num.nullable(),
  median: num.nullable(),
  ci: interval.nullable(),
});
const classical = z.object({ statistic: num, df: num, pValue: num, ci: interval });
const metric = z.object({
  name: z.string(),
  kind: z.enum(['binary', 'continuous', 'count', 'ratio']),
  better: z.enum(['higher', 'lower']),
  role: z.enum(['primary', 'secondary', 'guardrail']),
  control: arm,
  treatment: arm,
  difference: z.object({
    estimate: num.nullable(),
    ci: interval.nullable(),
    level: num,
    control: num.nullable().optional(),
    treatment: num.nullable().optional(),
  }),
  relative: z.object({ estimate: num.nullable(), ci: interval.nullable() }),
  scale: z.enum(['linear', 'log']).optional(),
  method: z.enum(['sequential', 'fixed-horizon', 'always-valid']).optional(),
  design: z.object({ kind: z.enum(['paired', 'clustered', 'independent']) }).optional(),
  guardrail: z
    .object({
      margin: z.object({ relative: num, absolute: num.nullable() }),
      on: z.enum(['relative', 'difference']),
      harmfulBound: num.nullable(),
      status: z.enum(['worse', 'within-margin', 'unproven']),
    })
    .nullable()
    .optional(),
  test: z.string().nullable(),
  pValue: num.nullable(),
  adjustedPValue: num.nullable(),
  significant: z.boolean(),
  direction: z.enum(['better', 'worse', 'none']),
  tests: z.object({
    welch: classical.nullable(),
    mannWhitney: z
      .object({ u: num, pValue: num, method: z.enum(['exact', 'asymptotic']) })
      .nullable(),
    fisher: z.object({ pValue: num }).nullable(),
    newcombe: z.object({ ci: interval }).nullable().optional(),
    deltaMethod: classical.nullable(),
  }),
  power: z.object({
    sessionsNeeded: num.nullable(),
    minimumDetectableEffect: z.object({ absolute: num, relative: num.nullable() }).nullable(),
  }),
  notes: list(z.string(), 100),
  chanceToBeat: num.nullable().optional(),
});
const segment = z.object({
  field: z.string(),
  metric: z.string(),
  groups: list(
    z.object({
      value: z.string(),
      sessions: z.object({ control: z.number().int().min(0), treatment: z.number().int().min(0) }),
      control: arm,
      treatment: arm,
      relative: z.object({ estimate: num.nullable(), ci: interval.nullable() }),
      adjustedPValue: num.nullable(),
      direction: z.enum(['better', 'worse', 'none']),
    }),
    1000,
  ),
});
const count = z.number().int().min(0);
const arms = z.object({ control: count, treatment: count });
const solved = z.object({ solved: count, sessions: count }).nullable();
const verdictCheck = z.object({
  kind: z.enum(['task', 'category']),
  name: z.string(),
  sessions: count,
  verdict,
  winner: z.string().nullable(),
});
const passRates = z.object({ passAtK: num, passHatK: num });
const tasks = z.object({
  metric: z.string(),
  better: z.enum(['higher', 'lower']),
  outcome: z.string().nullable(),
  counts: z.object({
    paired: count,
    controlOnly: count,
    treatmentOnly: count,
    wins: count,
    losses: count,
    ties: count,
    flipped: arms,
    flaky: arms,
  }),
  passAtK: z
    .object({ k: count, tasks: count, control: passRates, treatment: passRates })
    .nullable(),
  robustness: z
    .object({ checks: list(verdictCheck, 20), restsOn: verdictCheck.nullable() })
    .nullable(),
  rows: list(
    z.object({
      task: z.string(),
      category: z.string().nullable(),
      sessions: arms,
      control: num.nullable(),
      treatment: num.nullable(),
      difference: num.nullable(),
      outcome: z.enum(['win', 'loss', 'tie']).nullable(),
      influence: num.nullable(),
      solved: z.object({ control: solved, treatment: solved }),
      flipped: z.enum(['control', 'treatment']).nullable(),
      flaky: list(z.enum(['control', 'treatment']), 2),
    }),
    ROW_LIMIT,
  ),
  omittedRows: count,
});
const counts = z.record(z.string(), z.number().int().min(0));
const report = z.object({
  schemaVersion: z.literal(1),
  experiment: z.string(),
  control: z.string(),
  treatment: z.string(),
  sessions: counts,
  analysis: z.object({
    method: z.string(),
    expectedSessions: num.nullable().optional(),
    design: z.string().optional(),
    alpha: num,
    minEffect: num,
    equivalenceMargin: num,
    power: num,
    correction: z.enum(['holm', 'bh', 'none']),
    guardrailPolicy: z.enum(['harm', 'non-inferiority']).optional(),
    sequential: z
      .object({
        look: z.number().int().min(1),
        fractions: list(num, 10_000),
        boundary: num.nullable(),
        nominalAlpha: num,
        spent: num,
        final: z.boolean(),
      })
      .nullable()
      .optional(),
  }),
  metrics: list(metric, 500),
  segments: list(segment, 50).optional(),
  tasks: tasks.nullable().optional(),
  srm: z.object({
    statistic: num.nullable(),
    pValue: num.nullable(),
    expected: interval,
    mismatch: z.boolean(),
  }),
  recommendation: z.object({
    verdict,
    winner: z.string().nullable(),
    reason: z.string(),
    sessionsNeeded: z.number().int().min(0).nullable(),
    unprovenGuardrails: list(z.string(), 500).optional(),
  }),
  warnings: list(z.string(), 1000),
  input: z.object({
    files: list(z.string(), 100_000),
    recordsRead: z.number().int().min(0),
    duplicates: z.object({
      identical: z.number().int().min(0),
      conflicting: z.number().int().min(0),
      conflictingIds: list(z.string(), 100),
    }),
    skippedInvalid: z.number().int().min(0),
    otherVariants: counts,
    otherExperiments: counts,
  }),
});
const historyPoint = z.object({
  runId: z.number().int().nullable(),
  attempt: z.number().int().nullable(),
  sha: z.string().nullable(),
  time: z.string(),
  sessions: z.object({ control: z.number().int().min(0), treatment: z.number().int().min(0) }),
  verdict: z.string(),
  lift: z.object({ estimate: num, ci: interval.nullable() }).nullable(),
  method: z.string(),
});
const store = z.object({
  description: z.string(),
  read: list(z.string(), 1000),
  skipped: list(z.object({ label: z.string(), reason: z.string() }), 10_000),
  written: z.string().nullable(),
  failure: z.string().nullable().optional(),
  added: z.number().int().min(0),
  alreadyStored: z.number().int().min(0),
  fromEarlierRuns: counts,
});
export const reportViewSchema = z.object({
  report,
  store: store.nullable(),
  history: list(historyPoint, 1000),
  fullReport: z.string().nullable(),
  runUrl: z.string().nullable(),
});

/** The view, or the first problems found, as `path: message` lines. */
export function parseReportView(value: unknown): { view: ReportView } | { problems: string[] } {
  const parsed = reportViewSchema.safeParse(value);
  if (parsed.success) return { view: parsed.data as ReportView };
  return {
    problems: parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || 'the file'}: ${issue.message}`),
  };
}
