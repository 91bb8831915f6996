import type { MetricKind } from '../config/experiment-config.js';
import { powerOfTwoScale, type Assignment, type Units } from '../stats/index.js';
import type { Design } from './design.js';
import type { ArmSamples } from './samples.js';

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
 */
export function metricUnits(
  design: Design,
  control: ArmSamples,
  treatment: ArmSamples,
  log: boolean,
  kind: MetricKind,
): MetricUnits {
  const sessions = [...pairsOf(control, 0, log), ...pairsOf(treatment, 1, log)];
  const events = log ? null : eventsOf(kind, sessions);
  const build = (rows: Parameters<typeof buildUnits>[0], strata: number) =>
    buildUnits(rows, strata, events);
  if (design.kind === 'paired') {
    const strata = new Map(design.shared.map((task, index) => [task, index]));
    const kept = sessions.filter((s) => strata.has(s.task));
    return build(
      kept.map((s) => ({ ...s, stratum: strata.get(s.task)!, size: 1 })),
      design.shared.length,
    );
  }
  if (design.kind === 'clustered') {
    const clusters = new Map<string, { m: number; d: number; size: number; arm: 0 | 1 }>();
    let unknown = 0;
    for (const s of sessions) {
      const key = s.task >= 0 ? `${s.arm}:${s.task}` : `?${unknown++}`;
      const cluster = clusters.get(key);
      if (cluster) {
        cluster.m += s.m;
        cluster.d += s.d;
        cluster.size++;
      } else clusters.set(key, { m: s.m, d: s.d, size: 1, arm: s.arm });
    }
    return build(
      [...clusters.values()].map((c) => ({ ...c, stratum: 0 })),
      1,
    );
  }
  return build(
    sessions.map((s) => ({ ...s, stratum: 0, size: 1 })),
    1,
  );
}

interface Pair {
  m: number;
  d: number;
  task: number;
  arm: 0 | 1;
}

function pairsOf(samples: ArmSamples, arm: 0 | 1, log: boolean): Pair[] {
  const pairs: Pair[] = [];
  for (let i = 0; i < samples.tasks.length; i++) {
    const task = samples.tasks[i]!;
    if (samples.type === 'ratio') {
      pairs.push({ m: samples.numerators[i]!, d: samples.denominators[i]!, task, arm });
    } else {
      const value = samples.values[i]!;
      pairs.push({ m: log ? Math.log(value) : value, d: 1, task, arm });
    }
  }
  return pairs;
}

/** Counts of events (a Poisson floor for their variance) or 0/1 outcomes (a binomial one). */
function eventsOf(kind: MetricKind, pairs: Pair[]): Units['events'] {
  if (kind === 'binary') return 'binomial';
  if (kind !== 'count' && kind !== 'ratio') return null;
  return pairs.every((p) => Number.isInteger(p.m) && p.m >= 0) ? 'poisson' : null;
}

function buildUnits(
  rows: { m: number; d: number; size: number; stratum: number; arm: 0 | 1 }[],
  strata: number,
  events: Units['events'],
): MetricUnits {
  const scaleM = powerOfTwoScale(rows.map((r) => r.m));
  const scaleD = powerOfTwoScale(rows.map((r) => r.d));
  return {
    units: {
      m: Float64Array.from(rows, (r) => r.m / scaleM),
      d: Float64Array.from(rows, (r) => r.d / scaleD),
      size: Float64Array.from(rows, (r) => r.size),
      stratum: Int32Array.from(rows, (r) => r.stratum),
      strata,
      // A floor in events needs the counts as they are.
      events: scaleM === 1 && scaleD === 1 ? events : null,
    },
    assignment: Uint8Array.from(rows, (r) => r.arm),
    unitScale: scaleM / scaleD,
  };
}
