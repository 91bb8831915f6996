import { describe, expect, it } from 'vitest';
import {
  AA,
  CONTROL,
  drawLook,
  EFFECT,
  TREATMENT,
  WORLD,
} from '../../scripts/calibration/generator.js';
import { runJob, slices } from '../../scripts/calibration/jobs.js';
import { runJobs } from '../../scripts/calibration/pool.js';
import { inverseLogit, logit, seededRandom } from '../../scripts/calibration/random.js';
import { median, rate, summarize } from '../../scripts/calibration/summary.js';
import { meanErrorRate, meanSeconds, trueDifference } from '../../scripts/calibration/truth.js';

describe('the session generator', () => {
  it('gives both arms the same new tasks, 1–2 sessions each', () => {
    const sessions = drawLook(seededRandom(3), 5, AA);
    const tasks = new Set(sessions.map((s) => s.task_id));
    expect(tasks.size).toBe(WORLD.tasksPerLook);
    for (const task of tasks) {
      for (const variant of [CONTROL, TREATMENT]) {
        const count = sessions.filter((s) => s.task_id === task && s.variant === variant).length;
        expect(count).toBeGreaterThanOrEqual(1);
        expect(count).toBeLessThanOrEqual(2);
      }
    }
    for (const s of sessions) {
      expect(s.successful_tool_calls).toBeLessThanOrEqual(s.tool_calls!);
      expect(s.completion_time_seconds).toBeGreaterThan(0);
    }
  });

  it('is reproducible from its seed', () => {
    expect(drawLook(seededRandom(9), 0, EFFECT)).toEqual(drawLook(seededRandom(9), 0, EFFECT));
  });
});

describe('the true differences', () => {
  it('match a Monte Carlo draw of the generating process', () => {
    const random = seededRandom(11);
    const { toolErrors, seconds } = WORLD;
    let errors = 0;
    let time = 0;
    const draws = 200_000;
    for (let i = 0; i < draws; i++) {
      const difficulty = random.normal();
      errors += inverseLogit(
        logit(toolErrors.median) +
          toolErrors.taskSd * difficulty +
          toolErrors.sessionSd * random.normal(),
      );
      time +=
        seconds.median *
        Math.exp(seconds.taskSd * difficulty + seconds.sessionSd * random.normal());
    }
    expect(meanErrorRate()).toBeCloseTo(errors / draws, 3);
    expect(meanSeconds() / (time / draws)).toBeCloseTo(1, 2);
    expect(trueDifference('tool_error_rate', AA)).toBe(0);
    expect(trueDifference('tool_error_rate', EFFECT)).toBeCloseTo(-0.3 * meanErrorRate(), 12);
  });
});

describe('summaries', () => {
  it('gives rates with Wilson intervals and medians', () => {
    const r = rate(0, 10);
    expect(r.value).toBe(0);
    expect(r.ci[1]).toBeCloseTo(0.2775, 4);
    expect(rate(0, 0).ci.every(Number.isNaN)).toBe(true);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('simulated experiments', () => {
  const job = { seed: 5, stream: 0, scenario: AA, metric: 'tool_error_rate' as const };

  it('analyse every look, paired by task, in both modes', () => {
    const [experiment] = runJob({ ...job, start: 0, count: 1 });
    expect(experiment).toHaveLength(2);
    for (const trajectory of experiment!) {
      expect(trajectory.designs.paired).toBe(WORLD.looks);
      expect(trajectory.undefinedLooks).toBe(0);
    }
    const summary = summarize(experiment!, WORLD.looks);
    expect(summary.byLook).toHaveLength(WORLD.looks);
  });

  it('give the same results on worker threads as in this thread', async () => {
    const jobs = slices(job, 4, 2);
    expect(await runJobs(jobs, 2)).toEqual(await runJobs(jobs, 1));
  });
});
