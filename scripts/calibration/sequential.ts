/**
 * The sequential study: 5 fixed tasks that both arms run, one more session of each per arm at
 * every one of 20 looks (200 sessions at the last, the planned size), the tool error rate primary.
 * Each experiment is analysed at every look with the group-sequential design (its boundary from
 * the looks so far) and the always-valid confidence sequence, and once at the last look with the
 * fixed-horizon method, the benchmark for power.
 */
import { analyze, type InputFacts } from '../../src/analysis/analyze.js';
import type { Method } from '../../src/config/experiment-config.js';
import { ColumnarSessionTable } from '../../src/records/session-table.js';
import type { SessionRecord } from '../../src/records/types.js';
import { regimeConfig, scenarioEffect, outcome, type Outcome } from './experiment.js';
import { experimentSeed, seededRandom } from './random.js';
import type { Regime } from './regimes.js';
import { drawSession, withWorld } from './world.js';

export const SEQUENTIAL_STUDY = {
  tasks: 5,
  looks: 20,
  regime: {
    id: 'sequential',
    world: {},
    title: '5 fixed shared tasks, 1 more session of each per arm at each of 20 looks',
    layout: { kind: 'shared', tasks: 5, perTask: [20, 20] },
    primary: 'tool_error_rate',
    // 30% fewer errors: one fixed look at the planned size detects it about 80% of the time, so
    // the power the sequential design keeps is measured where it can be lost (50% is found ~always).
    effect: { errorFactor: 0.7 },
    expected: 'adopt',
  } satisfies Regime,
};

export const SEQUENTIAL_METHODS: readonly Method[] = ['sequential', 'always-valid'];

export interface Trajectory {
  /** Per method of SEQUENTIAL_METHODS: the first look with adopt or reject, or null; and its verdict. */
  first: ({ look: number; verdict: string } | null)[];
  /** Per method: the interval held the truth at the last look; at every look. */
  coveredFinal: boolean[];
  coveredAll: boolean[];
  /** The fixed-horizon analysis at the last look. */
  fixed: Outcome;
}

const FACTS: InputFacts = { files: [], recordsRead: 0, skippedInvalid: 0, otherExperiments: {} };

export function runSequentialExperiment(
  scenario: 'aa' | 'effect',
  seed: number,
  stream: number,
  index: number,
): Trajectory {
  const { regime, tasks, looks } = SEQUENTIAL_STUDY;
  const random = seededRandom(experimentSeed(seed, stream, index));
  const world = withWorld(regime.world);
  const effect = scenarioEffect(regime, scenario);
  const difficulty = new Map<string, number>();
  for (let t = 0; t < tasks; t++) difficulty.set(`task-${t}`, random.normal());
  const table = new ColumnarSessionTable();
  const sessions: SessionRecord[] = [];
  const first: Trajectory['first'] = SEQUENTIAL_METHODS.map(() => null);
  const coveredAll = SEQUENTIAL_METHODS.map(() => true);
  let coveredFinal = SEQUENTIAL_METHODS.map(() => false);
  const priorLooks: number[] = [];
  const planned = looks * tasks * 2;
  let fixed: Outcome | null = null;
  for (let look = 1; look <= looks; look++) {
    for (const [id, u] of difficulty) {
      for (const treated of [false, true]) {
        const session = drawSession(random, world, u, treated, effect, {
          session: `${id}-${treated ? 't' : 'c'}${look}`,
          task: id,
        });
        table.add(session);
        sessions.push(session);
      }
    }
    const facts = { ...FACTS, recordsRead: table.size };
    const results = SEQUENTIAL_METHODS.map((method) => {
      const config = { ...regimeConfig(regime, method), expectedSessions: planned };
      const report = analyze(table, config, facts, { priorLooks, tasks: false });
      return outcome(report, regime.primary, world, effect, sessions, difficulty);
    });
    results.forEach((result, m) => {
      const decided = result.verdict === 'adopt' || result.verdict === 'reject';
      if (decided && first[m] === null) first[m] = { look, verdict: result.verdict };
      if (result.coveredDifference === false) coveredAll[m] = false;
    });
    if (look === looks) {
      coveredFinal = results.map((r) => r.coveredDifference === true);
      const report = analyze(table, regimeConfig(regime, 'fixed-horizon'), facts, {
        tasks: false,
      });
      fixed = outcome(report, regime.primary, world, effect, sessions, difficulty);
    }
    priorLooks.push(table.size);
  }
  return { first, coveredFinal, coveredAll, fixed: fixed! };
}
