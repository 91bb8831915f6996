/**
 * One simulated experiment, analysed after every look by the real `analyze()` in each analysis
 * mode, and what each mode concluded at each look.
 */
import { analyze, type InputFacts } from '../../src/analysis/analyze.js';
import type { DesignKind } from '../../src/analysis/design.js';
import type { MetricReport } from '../../src/analysis/report-types.js';
import { BUILT_IN_METRICS } from '../../src/analysis/metric-definitions.js';
import {
  DEFAULT_CONFIG,
  type ExperimentConfig,
  type Method,
} from '../../src/config/experiment-config.js';
import { ColumnarSessionTable } from '../../src/records/session-table.js';
import { drawLook, WORLD, type Scenario } from './generator.js';
import { experimentSeed, seededRandom } from './random.js';
import { trueDifference, type PrimaryMetric } from './truth.js';

/** One way of analysing: a method and a primary metric, every other metric switched off. */
export interface Analysis {
  method: Method;
  metric: PrimaryMetric;
  config: ExperimentConfig;
}

export function analysis(method: Method, metric: PrimaryMetric): Analysis {
  const off = BUILT_IN_METRICS.filter((m) => m.name !== metric).map((m) => [
    m.name,
    { enabled: false },
  ]);
  return {
    method,
    metric,
    config: { ...DEFAULT_CONFIG, method, primary: metric, metrics: Object.fromEntries(off) },
  };
}

/** What one analysis of one experiment found, over all its looks (looks count from 1). */
export interface Trajectory {
  /** The first look where the primary metric was significant (either way); null if none. */
  firstSignificant: number | null;
  /** The first look where it was significantly better; null if none. */
  firstBetter: number | null;
  finalSignificant: boolean;
  finalBetter: boolean;
  /** Significantly worse at some look. */
  anyWorse: boolean;
  /** The interval held the true difference at the last look; at every look. */
  coveredFinal: boolean;
  coveredAll: boolean;
  /** Looks whose primary metric had no p-value or no interval. */
  undefinedLooks: number;
  /** The design of each look, counted. */
  designs: Record<DesignKind, number>;
}

const FACTS: InputFacts = { files: [], recordsRead: 0, skippedInvalid: 0, otherExperiments: {} };

/** Runs experiment `index` of a scenario: the same sessions for every analysis. */
export function simulateExperiment(
  seed: number,
  stream: number,
  index: number,
  scenario: Scenario,
  analyses: readonly Analysis[],
): Trajectory[] {
  const random = seededRandom(experimentSeed(seed, stream, index));
  const table = new ColumnarSessionTable();
  const trajectories = analyses.map(emptyTrajectory);
  const truths = analyses.map((a) => trueDifference(a.metric, scenario));
  for (let look = 1; look <= WORLD.looks; look++) {
    for (const session of drawLook(random, look - 1, scenario)) table.add(session);
    const final = look === WORLD.looks;
    analyses.forEach((a, i) => {
      const report = analyze(table, a.config, { ...FACTS, recordsRead: table.size });
      const primary = report.metrics.find((m) => m.role === 'primary')!;
      record(trajectories[i]!, primary, truths[i]!, look, final);
    });
  }
  return trajectories;
}

function emptyTrajectory(): Trajectory {
  return {
    firstSignificant: null,
    firstBetter: null,
    finalSignificant: false,
    finalBetter: false,
    anyWorse: false,
    coveredFinal: false,
    coveredAll: true,
    undefinedLooks: 0,
    designs: { paired: 0, clustered: 0, independent: 0 },
  };
}

function record(
  trajectory: Trajectory,
  primary: MetricReport,
  truth: number,
  look: number,
  final: boolean,
): void {
  const ci = primary.difference.ci;
  const covered = ci !== null && ci[0] <= truth && truth <= ci[1];
  const better = primary.significant && primary.direction === 'better';
  if (primary.pValue === null || ci === null) trajectory.undefinedLooks++;
  trajectory.designs[primary.design.kind]++;
  if (primary.significant) trajectory.firstSignificant ??= look;
  if (better) trajectory.firstBetter ??= look;
  if (primary.significant && primary.direction === 'worse') trajectory.anyWorse = true;
  if (!covered) trajectory.coveredAll = false;
  if (final) {
    trajectory.finalSignificant = primary.significant;
    trajectory.finalBetter = better;
    trajectory.coveredFinal = covered;
  }
}
