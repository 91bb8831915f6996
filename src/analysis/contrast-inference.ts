import {
  absoluteT,
  clusteredContrast,
  differenceOf,
  fiellerInterval,
  independentContrast,
  normalCdf,
  normalQuantile,
  pairedContrast,
  permutationReference,
  tCdf,
  tQuantile,
  unavailable,
  type Contrast,
  type ContrastOf,
  type Interval,
  type Maybe,
  type Units,
} from '../stats/index.js';
import type { DesignKind } from './design.js';
import type { MetricUnits } from './metric-units.js';
import type { TestName } from './report-types.js';

/**
 * A metric's comparison, ready to be read at any level: the test's p-value, and the intervals of
 * the difference and of the ratio that agree with it (each excludes no change exactly when the
 * test rejects at that level).
 */
export interface MetricInference {
  test: TestName;
  reference: 'permutation' | 'exact' | 't' | 'normal';
  /** Treatment and control values the comparison is made on, and their difference. */
  treatment: number;
  control: number;
  estimate: number;
  se: number | null;
  df: number | null;
  /** The fixed-horizon two-sided p-value. */
  pValue: number;
  /** The smallest p-value the data could give; null for large-sample references. */
  smallestP: number | null;
  permutations: number | null;
  exact: boolean;
  interval(alpha: number): Interval | null;
  /** Interval of treatment / control; null when unbounded at this level. */
  ratioInterval(alpha: number, nonNegative: boolean): Interval | null;
}

/** Up to this many units, p-values come from re-randomisation rather than a t distribution. */
export const PERMUTATION_UNITS = 2000;
/** Re-randomisations enumerated in full up to this many. */
const EXACT_LIMIT = 20_000;
const SEED = 0x5eed;

const CONTRASTS: Record<DesignKind, ContrastOf> = {
  independent: independentContrast,
  clustered: clusteredContrast,
  paired: pairedContrast,
};
const LARGE_SAMPLE_TESTS: Record<DesignKind, TestName> = {
  independent: 'welch',
  clustered: 'clusteredT',
  paired: 'pairedT',
};

/**
 * The design's t statistic (Welch's, the CR2 cluster-robust one, or the within-task one), its
 * p-value from the permutation distribution when there are at most PERMUTATION_UNITS units (exact
 * when the arms do not differ, whatever the shape of the data) and from Student's t beyond; the
 * interval is estimate ± c·se with c the critical value of that same reference, so the interval
 * and the test agree, and Fieller's interval of the ratio uses the same c.
 */
export function contrastInference(
  kind: DesignKind,
  data: MetricUnits,
  draws: number,
): Maybe<MetricInference> {
  const constant = constantValue(data);
  if (constant !== null) {
    return unavailable(
      `every session of both arms has the same value (${formatConstant(constant * data.unitScale)}): there is no variation to compare`,
    );
  }
  const contrastOf = CONTRASTS[kind];
  const observed = contrastOf(data.units, data.assignment);
  if (observed === null) return unavailable(undefinedReason(kind, data));
  const scaled = scaleContrast(observed, data.unitScale);
  const { estimate, se } = differenceOf(scaled);
  const statistic = absoluteT(observed);
  const common = {
    treatment: scaled.treatment,
    control: scaled.control,
    estimate,
    se,
  };
  const intervalWith = (critical: number): Interval | null => {
    if (!Number.isFinite(critical)) return null;
    return [estimate - critical * se, estimate + critical * se];
  };
  const ratioWith = (critical: number, nonNegative: boolean) =>
    Number.isFinite(critical) ? fiellerInterval(scaled, critical, nonNegative) : null;

  if (data.units.m.length <= PERMUTATION_UNITS) {
    const options = {
      withinStrata: kind === 'paired',
      draws,
      exactLimit: EXACT_LIMIT,
      seed: SEED,
    };
    // The test: the observed labels re-randomised. Its distribution of |t| is also the reference
    // for the interval, but where the arms really differ the re-randomised statistics mix that
    // difference into their standard errors and come out small; so the reference is also taken
    // with the difference removed (the treatment shifted by the estimate), and the larger of the
    // two is used for both the p-value and the interval: the test stays exact (only more
    // conservative) and the interval holds the values it does not reject.
    const raw = permutationReference(data.units, data.assignment, contrastOf, options);
    const centred = permutationReference(
      shiftTreatment(data, estimate / data.unitScale),
      data.assignment,
      contrastOf,
      options,
    );
    const critical = (alpha: number) => Math.max(raw.critical(alpha), centred.quantile(alpha));
    return {
      test: 'permutation',
      reference: 'permutation',
      ...common,
      df: null,
      pValue: Math.max(raw.pValue(statistic), centred.pValue(statistic)),
      smallestP: raw.smallestP,
      permutations: raw.size,
      exact: raw.exact,
      interval: (alpha) => intervalWith(critical(alpha)),
      ratioInterval: (alpha, nonNegative) => ratioWith(critical(alpha), nonNegative),
    };
  }
  const df = observed.df;
  const normal = !Number.isFinite(df) || df > 1e7;
  const critical = (alpha: number) =>
    normal ? normalQuantile(1 - alpha / 2) : tQuantile(1 - alpha / 2, df);
  const pValue =
    statistic === Infinity ? 0 : 2 * (normal ? normalCdf(-statistic) : tCdf(-statistic, df));
  return {
    test: LARGE_SAMPLE_TESTS[kind],
    reference: normal ? 'normal' : 't',
    ...common,
    df: normal ? null : df,
    pValue,
    smallestP: null,
    permutations: null,
    exact: false,
    interval: (alpha) => intervalWith(critical(alpha)),
    ratioInterval: (alpha, nonNegative) => ratioWith(critical(alpha), nonNegative),
  };
}

/** The common value when every unit's value (Σm/Σd) is the same. */
function constantValue({ units }: MetricUnits): number | null {
  let first: number | null = null;
  for (let i = 0; i < units.m.length; i++) {
    if (units.d[i] === 0) continue;
    const value = units.m[i]! / units.d[i]!;
    if (first === null) first = value;
    else if (value !== first) return null;
  }
  return first;
}

function formatConstant(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** The units with every treatment unit's value lowered by `shift` (m − shift·d). */
function shiftTreatment({ units, assignment }: MetricUnits, shift: number): Units {
  const m = Float64Array.from(units.m);
  for (let i = 0; i < m.length; i++) if (assignment[i] === 1) m[i] = m[i]! - shift * units.d[i]!;
  return { ...units, m };
}

function scaleContrast(contrast: Contrast, scale: number): Contrast {
  if (scale === 1) return contrast;
  const s2 = scale * scale;
  return {
    ...contrast,
    treatment: contrast.treatment * scale,
    control: contrast.control * scale,
    varT: contrast.varT * s2,
    varC: contrast.varC * s2,
    cov: contrast.cov * s2,
  };
}

/** Why the design's statistic is not defined for these units, in plain words. */
function undefinedReason(kind: DesignKind, data: MetricUnits): string {
  const { assignment, units } = data;
  const count = (arm: number) => assignment.filter((a) => a === arm).length;
  const denominator = (arm: number) => {
    let sum = 0;
    for (let i = 0; i < assignment.length; i++) if (assignment[i] === arm) sum += units.d[i]!;
    return sum;
  };
  if (denominator(0) === 0 || denominator(1) === 0) {
    return 'an arm has no denominator at all (its denominators sum to 0)';
  }
  if (kind === 'clustered') {
    return count(0) < 2 || count(1) < 2
      ? `the tasks are the units here and an arm ran only one task (${count(0)} vs ${count(1)} tasks): the comparison cannot tell the variant from the task`
      : 'one task holds all of an arm’s denominator';
  }
  if (kind === 'paired') {
    return 'the only task both variants ran has one session of each, so there is nothing to measure the noise with';
  }
  return `needs at least 2 sessions per arm (${count(0)} vs ${count(1)})`;
}
