import type { MetricKind } from '../config/experiment-config.js';
import { powerOfTwoScale, scaleForLargest, type Assignment, type Units } from '../stats/index.js';
import type { Design } from './design.js';
import type { ArmSamples } from './samples.js';
import { taskCodeLimit } from './task-counts.js';

/** A metric's sessions as the units its design compares, with the arm of each unit. */
export interface MetricUnits {
  units: Units;
  assignment: Assignment;
  /**
   * The units' values were divided by this (a power of two, 1 unless they were near the limits of
   * double precision): arm values and standard errors computed from them are multiplied back.
   */
  unitScale: number;
}

/**
 * One unit per session (independent; paired, with the shared task as stratum), or per task and arm
 * (clustered: the task's sessions summed). On the log scale the values are their logarithms.
 * Built straight into typed arrays: this runs for every metric, and a million sessions must not
 * become a million objects.
 */
export function metricUnits(
  design: Design,
  control: ArmSamples,
  treatment: ArmSamples,
  log: boolean,
  kind: MetricKind,
): MetricUnits {
  const arms = [control, treatment] as const;
  const total = control.tasks.length + treatment.tasks.length;
  const rows = new UnitRows(total);
  const events = eventsOf(kind, log, arms);
  if (design.kind === 'paired') {
    const stratumOf = taskLookup(arms, design.shared);
    arms.forEach((samples, arm) => rows.pushSessions(samples, log, arm, stratumOf));
    return rows.build(design.shared.length, events);
  }
  if (design.kind === 'clustered') {
    // Clusters in order of first appearance, control first; a session of unknown task is its own.
    arms.forEach((samples, arm) => {
      const { m, d } = sessionValues(samples, log);
      const clusterOf = new Map<number, number>();
      for (let i = 0; i < samples.tasks.length; i++) {
        const task = samples.tasks[i]!;
        const cluster = task >= 0 ? clusterOf.get(task) : undefined;
        if (cluster === undefined) {
          if (task >= 0) clusterOf.set(task, rows.length);
          rows.push(m[i]!, d === null ? 1 : d[i]!, 0, arm);
        } else rows.add(cluster, m[i]!, d === null ? 1 : d[i]!);
      }
    });
    return rows.build(1, events);
  }
  arms.forEach((samples, arm) => rows.pushSessions(samples, log, arm, null));
  return rows.build(1, events);
}

/** Each session's numerator (its value, or the value's logarithm) and denominator (null: all 1). */
function sessionValues(
  samples: ArmSamples,
  log: boolean,
): { m: Float64Array; d: Float64Array | null } {
  if (samples.type === 'ratio') return { m: samples.numerators, d: samples.denominators };
  return { m: log ? samples.values.map(Math.log) : samples.values, d: null };
}

/** Task code → its index among `tasks`, or −1. */
function taskLookup(arms: readonly ArmSamples[], tasks: readonly number[]): Int32Array {
  const index = new Int32Array(taskCodeLimit(arms)).fill(-1);
  tasks.forEach((task, i) => {
    if (task >= 0 && task < index.length) index[task] = i;
  });
  return index;
}

/** The units as they are gathered: preallocated columns, filled in order. */
class UnitRows {
  readonly m: Float64Array;
  readonly d: Float64Array;
  readonly size: Float64Array;
  readonly stratum: Int32Array;
  readonly arm: Uint8Array;
  length = 0;
  /** The largest |m| and |d| of units of one session; sums (`add`) make them unknown. */
  private largestM = 0;
  private largestD = 0;
  private summed = false;

  constructor(capacity: number) {
    this.m = new Float64Array(capacity);
    this.d = new Float64Array(capacity);
    this.size = new Float64Array(capacity).fill(1);
    this.stratum = new Int32Array(capacity);
    this.arm = new Uint8Array(capacity);
  }

  /** Adds a unit of one session. */
  push(m: number, d: number, stratum: number, arm: number): void {
    const i = this.length++;
    this.m[i] = m;
    this.d[i] = d;
    this.stratum[i] = stratum;
    this.arm[i] = arm;
    this.largestM = Math.max(this.largestM, Math.abs(m));
    this.largestD = Math.max(this.largestD, Math.abs(d));
  }

  /**
   * Adds one unit per session of an arm: with `stratumOf`, only sessions whose task is a stratum
   * (`stratumOf[task]` ≥ 0), in it. One loop that also takes logarithms and tracks the largest
   * magnitudes: at a million sessions every pass over them counts.
   */
  pushSessions(samples: ArmSamples, log: boolean, arm: number, stratumOf: Int32Array | null): void {
    const m = samples.type === 'ratio' ? samples.numerators : samples.values;
    const d = samples.type === 'ratio' ? samples.denominators : null;
    const { tasks } = samples;
    const { m: toM, d: toD, stratum: toStratum } = this;
    let { largestM, largestD } = this;
    const first = this.length;
    let n = first;
    for (let i = 0; i < m.length; i++) {
      let stratum = 0;
      if (stratumOf !== null) {
        const task = tasks[i]!;
        stratum = task >= 0 ? stratumOf[task]! : -1;
        if (stratum < 0) continue;
      }
      const value = log ? Math.log(m[i]!) : m[i]!;
      toM[n] = value;
      toStratum[n] = stratum;
      largestM = Math.max(largestM, Math.abs(value));
      if (d !== null) {
        toD[n] = d[i]!;
        largestD = Math.max(largestD, Math.abs(d[i]!));
      }
      n++;
    }
    // What is the same for every unit of the arm, written at once.
    this.arm.fill(arm, first, n);
    if (d === null && n > first) {
      toD.fill(1, first, n);
      largestD = Math.max(largestD, 1);
    }
    this.length = n;
    this.largestM = largestM;
    this.largestD = largestD;
  }

  /** Adds a session to unit `i` (a cluster). */
  add(i: number, m: number, d: number): void {
    this.summed = true;
    this.m[i] = this.m[i]! + m;
    this.d[i] = this.d[i]! + d;
    this.size[i] = this.size[i]! + 1;
  }

  /** The units gathered, as views of the columns (no copy: a million units are 29 MB). */
  build(strata: number, events: Units['events']): MetricUnits {
    const n = this.length;
    const m = this.m.subarray(0, n);
    const d = this.d.subarray(0, n);
    const scaleM = this.summed ? powerOfTwoScale(m) : scaleForLargest(this.largestM);
    const scaleD = this.summed ? powerOfTwoScale(d) : scaleForLargest(this.largestD);
    if (scaleM !== 1) for (let i = 0; i < n; i++) m[i] = m[i]! / scaleM;
    if (scaleD !== 1) for (let i = 0; i < n; i++) d[i] = d[i]! / scaleD;
    return {
      units: {
        m,
        d,
        size: this.size.subarray(0, n),
        stratum: this.stratum.subarray(0, n),
        strata,
        // A floor in events needs the counts as they are.
        events: scaleM === 1 && scaleD === 1 ? events : null,
      },
      assignment: this.arm.subarray(0, n),
      unitScale: scaleM / scaleD,
    };
  }
}

/** Counts of events (a Poisson floor for their variance) or 0/1 outcomes (a binomial one). */
function eventsOf(kind: MetricKind, log: boolean, arms: readonly ArmSamples[]): Units['events'] {
  if (log) return null;
  if (kind === 'binary') return 'binomial';
  if (kind !== 'count' && kind !== 'ratio') return null;
  for (const samples of arms) {
    const counts = samples.type === 'ratio' ? samples.numerators : samples.values;
    for (let i = 0; i < counts.length; i++) {
      if (!(Number.isInteger(counts[i]) && counts[i]! >= 0)) return null;
    }
  }
  return 'poisson';
}
