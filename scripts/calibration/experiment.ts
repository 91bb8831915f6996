/** One simulated experiment of a regime: its sessions, the real `analyze()`, what it concluded. */
import { analyze, type InputFacts } from '../../src/analysis/analyze.js';
import { BUILT_IN_METRICS } from '../../src/analysis/metric-definitions.js';
import type { MetricReport, Report, Verdict } from '../../src/analysis/report-types.js';
import {
  DEFAULT_CONFIG,
  type ExperimentConfig,
  type Method,
} from '../../src/config/experiment-config.js';
import type { SessionRecord } from '../../src/records/types.js';
import { ColumnarSessionTable } from '../../src/records/session-table.js';
import { experimentSeed, seededRandom, type Random } from './random.js';
import type { Layout, Regime } from './regimes.js';
import { pairedTruth, populationTruth, type Truth } from './truth.js';
import {
  drawSession,
  NO_EFFECT,
  withWorld,
  type Effect,
  type Metric,
  type World,
} from './world.js';

export interface Outcome {
  verdict: Verdict;
  /** The primary metric had a p-value and an interval (or an unbounded one). */
  defined: boolean;
  /** The primary metric's interval held the true difference / ratio; null when not checked. */
  coveredDifference: boolean | null;
  coveredRatio: boolean | null;
  design: MetricReport['design']['kind'];
}

const FACTS: InputFacts = { files: [], recordsRead: 0, skippedInvalid: 0, otherExperiments: {} };

/** The analysis of a regime: its primary metric and guardrails, every other metric off. */
export function regimeConfig(
  regime: Pick<Regime, 'primary' | 'guardrails'>,
  method: Method,
): ExperimentConfig {
  const guardrails = regime.guardrails ?? [];
  const metrics = Object.fromEntries(
    BUILT_IN_METRICS.map((m) => [
      m.name,
      m.name === regime.primary
        ? {}
        : guardrails.includes(m.name as Metric)
          ? { role: 'guardrail' as const }
          : { enabled: false },
    ]),
  );
  return { ...DEFAULT_CONFIG, method, primary: regime.primary, metrics };
}

export function scenarioEffect(regime: Regime, scenario: 'aa' | 'effect'): Effect {
  return scenario === 'aa' ? NO_EFFECT : { ...NO_EFFECT, ...regime.effect };
}

export function runRegimeExperiment(
  regime: Regime,
  scenario: 'aa' | 'effect',
  seed: number,
  stream: number,
  index: number,
): Outcome {
  const random = seededRandom(experimentSeed(seed, stream, index));
  const world = withWorld(regime.world);
  const effect = scenarioEffect(regime, scenario);
  const { sessions, difficulty } = drawExperiment(random, regime.layout, world, effect);
  const table = new ColumnarSessionTable();
  for (const session of sessions) table.add(session);
  const report = analyze(
    table,
    regimeConfig(regime, 'fixed-horizon'),
    { ...FACTS, recordsRead: table.size },
    { tasks: false },
  );
  return outcome(report, regime.primary, world, effect, sessions, difficulty);
}

/** Sessions of a layout, with each task's difficulty by task id. */
export function drawExperiment(
  random: Random,
  layout: Layout,
  world: World,
  effect: Effect,
): { sessions: SessionRecord[]; difficulty: Map<string, number> } {
  const sessions: SessionRecord[] = [];
  const difficulty = new Map<string, number>();
  const task = () => {
    const id = `task-${difficulty.size}`;
    difficulty.set(id, random.normal());
    return id;
  };
  const run = (id: string, treated: boolean, count: number) => {
    for (let s = 0; s < count; s++) {
      const session = `${id}-${treated ? 't' : 'c'}${s}`;
      sessions.push(
        drawSession(random, world, difficulty.get(id)!, treated, effect, { session, task: id }),
      );
    }
  };
  if (layout.kind === 'independent') {
    for (let i = 0; i < layout.sessions[0]; i++) run(task(), false, 1);
    for (let i = 0; i < layout.sessions[1]; i++) run(task(), true, 1);
  } else if (layout.kind === 'separate') {
    for (let i = 0; i < layout.tasks; i++) run(task(), false, layout.perTask[0]);
    for (let i = 0; i < layout.tasks; i++) run(task(), true, layout.perTask[1]);
  } else {
    const shared = layout.kind === 'shared' ? layout.tasks : layout.shared;
    for (let i = 0; i < shared; i++) {
      const id = task();
      run(id, false, layout.perTask[0]);
      run(id, true, layout.perTask[1]);
    }
    if (layout.kind === 'mixed') {
      for (let i = 0; i < layout.oneArm; i++) {
        run(task(), false, layout.perTask[0]);
        run(task(), true, layout.perTask[1]);
      }
    }
  }
  return { sessions, difficulty };
}

/** What the report concluded, and whether the primary metric's interval held the truth. */
export function outcome(
  report: Report,
  metric: Metric,
  world: World,
  effect: Effect,
  sessions: SessionRecord[],
  difficulty: Map<string, number>,
): Outcome {
  const primary = report.metrics.find((m) => m.role === 'primary')!;
  const truth = truthOf(primary, metric, world, effect, sessions, difficulty);
  const defined = primary.pValue !== null;
  const covers = (ci: [number, number] | null, value: number | null) =>
    value === null ? null : defined && (ci === null || (ci[0] <= value && value <= ci[1]));
  return {
    verdict: report.recommendation.verdict,
    defined,
    coveredDifference: covers(primary.difference.ci, truth.difference),
    coveredRatio: covers(primary.relative.ci, truth.ratio - 1),
    design: primary.design.kind,
  };
}

function truthOf(
  primary: MetricReport,
  metric: Metric,
  world: World,
  effect: Effect,
  sessions: SessionRecord[],
  difficulty: Map<string, number>,
): Truth {
  const log = primary.scale === 'log';
  if (primary.design.kind !== 'paired') return populationTruth(world, metric, effect, log);
  const counts = new Map<string, { control: number; treatment: number }>();
  for (const s of sessions) {
    const cell = counts.get(s.task_id) ?? { control: 0, treatment: 0 };
    if (s.variant === 'warm') cell.treatment++;
    else cell.control++;
    counts.set(s.task_id, cell);
  }
  const shared = [...counts].filter(([, c]) => c.control > 0 && c.treatment > 0);
  return pairedTruth(
    world,
    metric,
    effect,
    log,
    shared.map(([id, c]) => ({ u: difficulty.get(id)!, ...c })),
  );
}
