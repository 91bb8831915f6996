import type {
  Direction,
  GuardrailPolicy,
  Method,
  MetricKind,
  Role,
  Scale,
} from '../config/experiment-config.js';

/** Report contract v1 (DESIGN.md). Names are fixed; fields may be added, never renamed. */
export type Interval = [number, number];

export type Verdict = 'adopt' | 'reject' | 'no-difference' | 'inconclusive' | 'insufficient-data';
/**
 * The test behind a metric's pValue: Welch's t (independent sessions), the within-task t (paired),
 * the CR2 cluster-robust t (clustered), a permutation test of the design's t statistic (small
 * samples), or for proportions the exact unconditional test or the Miettinen–Nurminen score test.
 */
export type TestName =
  'welch' | 'pairedT' | 'clusteredT' | 'permutation' | 'exactUnconditional' | 'scoreMN';

export interface ArmSummary {
  n: number;
  mean: number | null;
  sd: number | null;
  median: number | null;
  ci: Interval | null;
}

export interface WelchReport {
  statistic: number;
  df: number;
  pValue: number;
  ci: Interval;
}

export interface MannWhitneyReport {
  u: number;
  pValue: number;
  method: 'exact' | 'asymptotic';
}

export interface MetricReport {
  name: string;
  kind: MetricKind;
  better: Direction;
  role: Role;
  control: ArmSummary;
  treatment: ArmSummary;
  /**
   * Treatment minus control, between the values `control` and `treatment` the comparison is made
   * on: each arm's mean (or Σ numerator / Σ denominator), weighted by task when paired, geometric
   * means on the log scale (where the interval is the ratio's, at the control's geometric mean).
   */
  difference: {
    estimate: number | null;
    ci: Interval | null;
    level: number;
    control: number | null;
    treatment: number | null;
  };
  /** (treatment − control) / |control| by the same test: Fieller's interval, or the log scale's. */
  relative: { estimate: number | null; ci: Interval | null };
  /** linear, or log: compared as a ratio of geometric means. */
  scale: Scale;
  /** How the p-value and intervals were reached. */
  inference: InferenceReport;
  /** Guardrails only: the margin and whether the interval shows the metric within it. */
  guardrail: GuardrailReport | null;
  /** fixed-horizon, or sequential: an always-valid confidence sequence, safe to look at every run. */
  method: Method;
  /** How the sessions were compared: paired by task, clustered by task, or independent. */
  design: DesignReport;
  test: TestName | null;
  pValue: number | null;
  adjustedPValue: number | null;
  significant: boolean;
  direction: 'better' | 'worse' | 'none';
  tests: {
    welch: WelchReport | null;
    mannWhitney: MannWhitneyReport | null;
    fisher: { pValue: number } | null;
    /** Newcombe's hybrid score interval of the difference of two proportions (method 10). */
    newcombe: { ci: Interval } | null;
    deltaMethod: WelchReport | null;
  };
  power: {
    /** Sessions per arm to detect the minimum effect at the configured power. */
    sessionsNeeded: number | null;
    /** The smallest effect this many sessions can detect at that power. */
    minimumDetectableEffect: { absolute: number; relative: number | null } | null;
    /** What the plan rests on: the difference's standard error with this many sessions, and the control's value. */
    basis: { se: number; sessions: number; controlValue: number } | null;
  };
  /** Bayesian chance that the treatment is better (flat prior, normal posterior); primary metric only, when asked. */
  chanceToBeat: number | null;
  /** Values above the cap (a percentile of both arms pooled) were set to the cap before testing. */
  capped: { percentile: number; cap: number; count: number } | null;
  /** Why a value above is null, in plain words. */
  notes: string[];
}

export interface InferenceReport {
  /**
   * permutation: the design's t statistic against its re-randomisation distribution; exact: an
   * exact unconditional test; t / normal: the large-sample reference distribution.
   */
  reference: 'permutation' | 'exact' | 't' | 'normal';
  /** Re-randomisations evaluated (permutation only). */
  permutations: number | null;
  /** All re-randomisations were enumerated (permutation) or the test is exact. */
  exact: boolean;
  /** The smallest p-value these data could give (permutation and exact tests). */
  smallestPValue: number | null;
  /** The two-sided level this look's test is held to: alpha, or the sequential boundary's. */
  nominalAlpha: number;
  /** This look's fixed-horizon p-value (under sequential methods pValue is the sequential one). */
  nominalPValue: number | null;
}

export interface GuardrailReport {
  /** The margin as a change relative to the control, and in the metric's units (null if none). */
  margin: { relative: number; absolute: number | null };
  /** The interval the margin is read on: the relative one (log scale) or the difference. */
  on: 'relative' | 'difference';
  /** The end of that interval on the harmful side. */
  harmfulBound: number | null;
  /** worse: shown worse; within-margin: shown not worse than the margin; unproven: neither. */
  status: 'worse' | 'within-margin' | 'unproven';
}

export interface DesignReport {
  kind: 'paired' | 'clustered' | 'independent';
  /** One or two plain sentences: which comparison and why. */
  explanation: string;
  /** Paired: the tasks both arms ran; clustered: the clusters (tasks) in both arms together. */
  tasks: number | null;
  /** Paired: correlation of the arms' per-task values. */
  correlation: number | null;
  /** Paired: the share of variance pairing removed, 1 − Var(d)/(Var(t) + Var(c)). */
  varianceSaved: number | null;
  /** Clustered: how much clustering inflates the variance over treating sessions as independent. */
  designEffect: number | null;
}

/** The primary metric within each value of one field, Benjamini–Hochberg across the values. */
export interface SegmentReport {
  field: string;
  metric: string;
  correction: 'bh';
  groups: {
    value: string;
    sessions: { control: number; treatment: number };
    control: ArmSummary;
    treatment: ArmSummary;
    difference: MetricReport['difference'];
    relative: MetricReport['relative'];
    design: DesignReport['kind'];
    test: TestName | null;
    pValue: number | null;
    adjustedPValue: number | null;
    significant: boolean;
    direction: 'better' | 'worse' | 'none';
  }[];
}

export interface SrmReport {
  statistic: number | null;
  pValue: number | null;
  expected: [number, number];
  mismatch: boolean;
}

export interface Recommendation {
  verdict: Verdict;
  winner: string | null;
  reason: string;
  sessionsNeeded: number | null;
  /** Guardrails not shown within their margins (the verdict line names them). */
  unprovenGuardrails: string[];
}

export interface InputSummary {
  files: string[];
  recordsRead: number;
  duplicates: { identical: number; conflicting: number; conflictingIds: string[] };
  skippedInvalid: number;
  /** Sessions of variants other than control and treatment, left out. */
  otherVariants: Record<string, number>;
  /** Records of other experiments, left out. */
  otherExperiments: Record<string, number>;
}

export interface SequentialReport {
  /** This look's number, counting earlier looks the store remembers. */
  look: number;
  /** Information fractions of the looks so far (sessions over expectedSessions, at most 1). */
  fractions: number[];
  /** This look's boundary on |z| (null: this look spends no α) and its two-sided nominal level. */
  boundary: number | null;
  nominalAlpha: number;
  /** Two-sided α spent up to and including this look. */
  spent: number;
  /** The planned size has been reached: this is the final look (later looks keep its boundary). */
  final: boolean;
}

export interface Report {
  schemaVersion: 1;
  experiment: string;
  control: string;
  treatment: string;
  sessions: Record<string, number>;
  analysis: {
    method: Method;
    /** Sequential only: the sessions the boundary is tuned for. */
    expectedSessions: number | null;
    /** The primary metric's design, in plain words. */
    design: string;
    alpha: number;
    minEffect: number;
    equivalenceMargin: number;
    power: number;
    correction: 'holm' | 'bh' | 'none';
    guardrailPolicy: GuardrailPolicy;
    /** The group-sequential look (method sequential): where this look stands in the design. */
    sequential: SequentialReport | null;
  };
  metrics: MetricReport[];
  /** Breakdowns of the primary metric by the configured fields; empty when none were asked for. */
  segments: SegmentReport[];
  srm: SrmReport;
  recommendation: Recommendation;
  warnings: string[];
  input: InputSummary;
}
