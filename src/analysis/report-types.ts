import type { Direction, MetricKind, Role } from '../config/experiment-config.js';

/** Report contract v1 (DESIGN.md). Names are fixed; fields may be added, never renamed. */
export type Interval = [number, number];

export type Verdict = 'adopt' | 'reject' | 'no-difference' | 'inconclusive' | 'insufficient-data';
export type TestName = 'welch' | 'mannWhitney' | 'fisher' | 'deltaMethod';

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
  };
  /** Why a value above is null, in plain words. */
  notes: string[];
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
    method: 'fixed-horizon';
    alpha: number;
    minEffect: number;
    equivalenceMargin: number;
    power: number;
    correction: 'holm' | 'bh' | 'none';
  };
  metrics: MetricReport[];
  srm: SrmReport;
  recommendation: Recommendation;
  warnings: string[];
  input: InputSummary;
}
