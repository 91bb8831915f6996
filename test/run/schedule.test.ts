import { describe, expect, it } from 'vitest';
import type { Experiment } from '../../src/run/load-experiment.js';
import { planSchedule, shardOf, type ScheduledSession } from '../../src/run/schedule.js';
import {
  runInProcess,
  sessionsOf,
  tasks,
  tempDir,
  testAgent,
  writeExperiment,
} from './support/experiments.js';

function experiment(taskCount: number, repetitions: number): Experiment {
  return {
    file: 'experiment.yml',
    experiment: 'e',
    repetitions,
    concurrency: 1,
    timeoutMs: 1000,
    retries: 0,
    infraExitCodes: [],
    timeoutIsInfra: false,
    tasks: tasks(taskCount).map((task) => ({ ...task, files: [], args: [] })),
    variants: [
      { name: 'cold', command: ['x'], env: {} },
      { name: 'warm', command: ['x'], env: {} },
    ],
    analysis: {},
  };
}

const keyOf = (s: ScheduledSession) => `${s.task.id}/${s.variant.name}/${s.repetition}`;

describe('the schedule is interleaved and reproducible from the seed', () => {
  const plan = planSchedule(experiment(10, 4), 7);

  it('holds every task, variant and repetition exactly once, positions in order', () => {
    expect(plan).toHaveLength(80);
    expect(new Set(plan.map(keyOf)).size).toBe(80);
    expect(new Set(plan.map((s) => s.sessionId)).size).toBe(80);
    expect(plan.map((s) => s.position)).toEqual(plan.map((_, i) => i + 1));
  });

  it('is the same for the same seed and different for another', () => {
    expect(planSchedule(experiment(10, 4), 7).map(keyOf)).toEqual(plan.map(keyOf));
    expect(planSchedule(experiment(10, 4), 8).map(keyOf)).not.toEqual(plan.map(keyOf));
  });

  it('keeps the variants of a task together, round by round, in the order of the seed', () => {
    for (let i = 0; i < plan.length; i += 2) {
      const [a, b] = [plan[i]!, plan[i + 1]!];
      expect(a.task.id).toBe(b.task.id);
      expect(a.round).toBe(b.round);
      expect(new Set([a.variant.name, b.variant.name])).toEqual(new Set(['cold', 'warm']));
    }
    const rounds = plan.map((s) => s.round);
    expect(rounds).toEqual([...rounds].sort((a, b) => a - b));
    // The task order differs from round to round.
    const order = (round: number) =>
      plan.filter((s) => s.round === round && s.variant.name === 'cold').map((s) => s.task.id);
    expect(order(2)).not.toEqual(order(1));
  });

  it('is interleaved: neither variant runs first in every block, nor all control first', () => {
    const firsts = plan.filter((_, i) => i % 2 === 0).map((s) => s.variant.name);
    const coldFirst = firsts.filter((name) => name === 'cold').length;
    // 40 blocks, each a fair coin by the seed: far from 0 and from 40.
    expect(coldFirst).toBeGreaterThan(10);
    expect(coldFirst).toBeLessThan(30);
    const firstHalf = plan.slice(0, 40).map((s) => s.variant.name);
    expect(firstHalf.filter((name) => name === 'cold')).toHaveLength(20);
  });

  it('is the order the sessions run in, recorded with their place and times', async () => {
    const dir = tempDir();
    const file = writeExperiment(dir, {
      seed: 3,
      repetitions: 2,
      tasks: tasks(3),
      variants: testAgent(['--result', '{"success":true}']),
    });
    const ran = await runInProcess([file, '--out', `${dir}/out`]);
    expect(ran.code).toBe(0);
    const records = sessionsOf(`${dir}/out`);
    const planned = planSchedule({ ...experiment(3, 2), experiment: 'test' }, 3).map(
      (s) => s.sessionId,
    );
    // Concurrency 1: one after the other, in the order of the schedule.
    expect(records.map((r) => r.session_id)).toEqual(planned);
    expect(records.map((r) => r.run.position)).toEqual(planned.map((_, i) => i + 1));
    for (let i = 1; i < records.length; i++) {
      expect(records[i]!.start_time! >= records[i - 1]!.end_time!).toBe(true);
    }
    expect(records.every((r) => typeof r.run.host === 'string' && r.run.host !== '')).toBe(true);
  });
});

describe('shards 1/3, 2/3, 3/3 together give exactly the full schedule', () => {
  it('splits whole blocks, without overlap or gap', () => {
    const plan = planSchedule(experiment(7, 3), 11);
    const shards = [1, 2, 3].map((index) => shardOf(plan, { index, count: 3 }));
    const union = shards.flat().map((s) => s.sessionId);
    expect(union).toHaveLength(plan.length);
    expect(new Set(union)).toEqual(new Set(plan.map((s) => s.sessionId)));
    for (const shard of shards) {
      expect(shard.length).toBeGreaterThanOrEqual(12);
      // Both variants of each block in the same shard.
      const blocks = new Map<number, number>();
      for (const s of shard) blocks.set(s.block, (blocks.get(s.block) ?? 0) + 1);
      expect([...blocks.values()].every((n) => n === 2)).toBe(true);
    }
  });

  it('runs as three matrix jobs whose results together are every session once', async () => {
    const dir = tempDir();
    const file = writeExperiment(dir, {
      repetitions: 2,
      concurrency: 2,
      tasks: tasks(4),
      variants: testAgent(['--result', '{"success":true}']),
    });
    const ids: string[] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const ran = await runInProcess([file, '--out', `${dir}/${shard[0]}`, '--shard', shard]);
      expect(ran.code).toBe(0);
      expect(ran.stdout).toContain(`shard ${shard}`);
      ids.push(...sessionsOf(`${dir}/${shard[0]}`).map((r) => r.session_id));
    }
    const planned = planSchedule({ ...experiment(4, 2), experiment: 'test' }, 1);
    expect(ids.sort()).toEqual(planned.map((s) => s.sessionId).sort());
  });
});
