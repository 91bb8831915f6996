import { describe, expect, it } from 'vitest';
import { drawExperiment, runRegimeExperiment } from '../../scripts/calibration/experiment.js';
import { runJob, slices } from '../../scripts/calibration/jobs.js';
import { runJobs } from '../../scripts/calibration/pool.js';
import { inverseLogit, logit, seededRandom } from '../../scripts/calibration/random.js';
import { REGIMES, type Layout } from '../../scripts/calibration/regimes.js';
import { median, rate, summarizeRegime } from '../../scripts/calibration/summary.js';
import { pairedTruth, populationTruth } from '../../scripts/calibration/truth.js';
import { BASE_WORLD, NO_EFFECT, TREATMENT, withWorld } from '../../scripts/calibration/world.js';
import { formatReport, meetsTargets } from '../../scripts/calibration/format.js';

describe('the session generator', () => {
  it('lays out tasks as each regime says: shared, separate, mixed, independent', () => {
    const count = (layout: (typeof REGIMES)[number]['layout']) => {
      const { sessions } = drawExperiment(seededRandom(3), layout, BASE_WORLD, NO_EFFECT);
      const tasks = (variant: string) =>
        new Set(
          sessions
            .filter((s) => (s.variant === TREATMENT) === (variant === 'warm'))
            .map((s) => s.task_id),
        );
      const control = tasks('cold');
      const treatment = tasks('warm');
      return {
        sessions: sessions.length,
        shared: [...control].filter((t) => treatment.has(t)).length,
        control: control.size,
        treatment: treatment.size,
      };
    };
    expect(count({ kind: 'shared', tasks: 3, perTask: [4, 2] })).toEqual({
      sessions: 18,
      shared: 3,
      control: 3,
      treatment: 3,
    });
    expect(count({ kind: 'separate', tasks: 5, perTask: [4, 4] })).toEqual({
      sessions: 40,
      shared: 0,
      control: 5,
      treatment: 5,
    });
    expect(count({ kind: 'mixed', shared: 4, oneArm: 2, perTask: [3, 3] })).toEqual({
      sessions: 36,
      shared: 4,
      control: 6,
      treatment: 6,
    });
    expect(count({ kind: 'independent', sessions: [8, 32] })).toEqual({
      sessions: 40,
      shared: 0,
      control: 8,
      treatment: 32,
    });
  });

  it('writes valid session records, reproducibly from the seed', () => {
    const layout: Layout = { kind: 'shared', tasks: 2, perTask: [2, 2] };
    const effect = { ...NO_EFFECT, errorFactor: 0.5 };
    const first = drawExperiment(seededRandom(9), layout, BASE_WORLD, effect).sessions;
    expect(drawExperiment(seededRandom(9), layout, BASE_WORLD, effect).sessions).toEqual(first);
    for (const s of first) {
      expect(s.successful_tool_calls).toBeLessThanOrEqual(s.tool_calls!);
      expect(s.completion_time_seconds).toBeGreaterThan(0);
      expect(Number.isInteger(s.user_corrections)).toBe(true);
    }
  });
});

describe('the true values', () => {
  it('match a Monte Carlo draw of the generating process', () => {
    const world = withWorld();
    const random = seededRandom(11);
    const draws = 200_000;
    let errors = 0;
    let calls = 0;
    for (let i = 0; i < draws; i++) {
      const u = random.normal();
      const n = Math.exp(Math.log(world.calls.median) + world.calls.taskSd * u);
      errors +=
        n *
        inverseLogit(
          logit(world.errors.median) +
            world.errors.taskSd * u +
            world.errors.sessionSd * random.normal(),
        );
      calls += n;
    }
    const truth = populationTruth(
      world,
      'tool_error_rate',
      { ...NO_EFFECT, errorFactor: 0.7 },
      false,
    );
    // E[m]/E[d] with the calls weighting the tasks: the control's rate times (0.7 − 1).
    expect(truth.difference! / -0.3).toBeCloseTo(errors / calls, 3);
    expect(truth.ratio).toBeCloseTo(0.7, 12);
    expect(
      populationTruth(world, 'completion_time_seconds', { ...NO_EFFECT, timeFactor: 0.8 }, true),
    ).toEqual({
      difference: null,
      ratio: 0.8,
    });
  });

  it('weight the tasks of a paired comparison as the analysis does', () => {
    const world = withWorld();
    const effect = { ...NO_EFFECT, messagesFactor: 0.5 };
    const one = pairedTruth(world, 'message_count', effect, false, [
      { u: 0, control: 2, treatment: 2 },
    ]);
    const two = pairedTruth(world, 'message_count', effect, false, [
      { u: 0, control: 2, treatment: 2 },
      { u: 1, control: 1, treatment: 1 },
    ]);
    expect(one.ratio).toBeCloseTo(0.5, 12);
    expect(two.ratio).toBeCloseTo(0.5, 12);
    // Weights nT·nC/(nT + nC): 1 and ½, so the first task counts twice as much.
    const mean = (u: number) =>
      world.messages.mean * Math.exp(world.messages.taskSd * u - world.messages.taskSd ** 2 / 2);
    expect(two.difference!).toBeCloseTo(-0.5 * ((2 / 3) * mean(0) + (1 / 3) * mean(1)), 10);
  });
});

describe('summaries and the table', () => {
  it('give rates with Wilson intervals and medians', () => {
    const r = rate(0, 10);
    expect(r.value).toBe(0);
    expect(r.ci[1]).toBeCloseTo(0.2775, 4);
    expect(rate(0, 0).ci.every(Number.isNaN)).toBe(true);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('mark a regime that misses a target', () => {
    const regime = REGIMES.find((r) => r.id === 'tiny-4')!;
    const outcome = (
      verdict: 'adopt' | 'inconclusive',
      covered: boolean,
      coveredDifference = covered,
    ) => ({
      verdict,
      defined: true,
      coveredDifference,
      coveredRatio: covered,
      design: 'independent' as const,
    });
    const good = summarizeRegime(
      regime,
      Array(100).fill(outcome('inconclusive', true)),
      Array(100).fill(outcome('adopt', true)),
    );
    const bad = summarizeRegime(
      regime,
      [
        ...Array(90).fill(outcome('inconclusive', true)),
        ...Array(10).fill(outcome('adopt', false)),
      ],
      Array(100).fill(outcome('adopt', true)),
    );
    // With an effect the verdict rests on the relative interval; the difference's is reported.
    const shortDifference = summarizeRegime(
      regime,
      Array(100).fill(outcome('inconclusive', true)),
      [...Array(90).fill(outcome('adopt', true)), ...Array(10).fill(outcome('adopt', true, false))],
    );
    expect(meetsTargets(good)).toBe(true);
    expect(meetsTargets(bad)).toBe(false);
    expect(meetsTargets(shortDifference)).toBe(true);
    const facts = { seed: 1, sims: 100, sequentialSims: 100, workers: 1, seconds: 1 };
    expect(formatReport([good, bad], null, facts)).toContain('Regimes missing a target: tiny-4.');
    expect(formatReport([], null, facts)).not.toContain('Every regime meets its targets');
    expect(formatReport([shortDifference], null, facts)).toContain(
      "The difference's interval covers less than 0.93 with an effect in: tiny-4 (0.900).",
    );
  });
});

describe('simulated experiments', () => {
  it('are analysed by analyze(), with the design the layout calls for', () => {
    const design = (id: string) =>
      runRegimeExperiment(
        REGIMES.find((r) => r.id === id)!,
        'aa',
        5,
        0,
        0,
      ).design;
    expect(design('shared-3')).toBe('paired');
    expect(design('separate-5')).toBe('clustered');
    expect(design('unbalanced')).toBe('independent');
  });

  it('give the same results on worker threads as in this thread', async () => {
    const jobs = slices({ study: 'tiny-6', scenario: 'aa', seed: 5, stream: 0 }, 4, 2);
    expect(await runJobs(jobs, 2)).toEqual(await runJobs(jobs, 1));
    expect(runJob(jobs[0]!)).toHaveLength(2);
  });
});
