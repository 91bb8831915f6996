import type { Direction, Method, MetricKind, Role } from '../config/experiment-config.js';
import type { TaskDrilldown } from './task-drilldown-types.js';

/** Report contract v1 (DESIGN.md). Names are fixed; fields may be added, never renamed. */
export type Interval = [number, number];

export type Verdict = 'adopt' | 'reject' | 'no-difference' | 'inconclusive' | 'insufficient-data';
/** The test behind a metric's pValue: the classical tests, or the paired / clustered / z estimators. */
export type TestName = 'welch' | 'fisher' | 'deltaMethod' | 'z' | 'pairedT' | 'clusteredZ';

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
  /** Treatment minus control. */
  difference: { estimate: number | null; ci: Interval | null; level: number };
  /** (treatment − control) / |control|, interval by the delta method. */
  relative: { estimate: number | null; ci: Interval | null };
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
  };
  metrics: MetricReport[];
  /** Breakdowns of the primary metric by the configured fields; empty when none were asked for. */
  segments: SegmentReport[];
  /** The per-task drill-down of the primary metric; null unless some task ran in both arms. */
  tasks: TaskDrilldown | null;
  srm: SrmReport;
  recommendation: Recommendation;
  warnings: string[];
  input: InputSummary;
}

export type { TaskDrilldown, TaskRow, VerdictCheck } from './task-drilldown-types.js';
