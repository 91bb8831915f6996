import { createHash } from 'node:crypto';
import type { Experiment, Task, Variant } from './load-experiment.js';

/** One session of the schedule: a task, a variant and a repetition, at its place. */
export interface ScheduledSession {
  /** 1-based place in the whole seeded schedule. */
  position: number;
  /** 1-based: one repetition of every task in both variants. */
  round: number;
  /** 0-based index of its block (a round's task) in the whole schedule: what shards split. */
  block: number;
  task: Task;
  variant: Variant;
  /** The repetition of the task and variant, which is also the round. */
  repetition: number;
  sessionId: string;
}

/** Which of `count` shards this is, 1-based: `--shard 2/3`. */
export interface Shard {
  index: number;
  count: number;
}

export const WHOLE: Shard = { index: 1, count: 1 };

/**
 * The seeded schedule of every (task, variant, repetition): round by round (one repetition of
 * every task in both variants), within a round the tasks in a seeded order, and each task's
 * variants together in a seeded order of their own. So the variants of one task run close
 * together, and neither variant always goes first: a slowdown of the provider at some hour hits
 * both variants alike instead of looking like an effect.
 *
 * Orders come from hashing the seed with the names (SHA-256), not from a random stream: the same
 * seed gives the same schedule on any machine and Node version.
 */
export function planSchedule(experiment: Experiment, seed: number): ScheduledSession[] {
  const schedule: ScheduledSession[] = [];
  let block = 0;
  for (let round = 1; round <= experiment.repetitions; round++) {
    for (const task of seededOrder(experiment.tasks, (task) => `${seed}/${round}/${task.id}`)) {
      const variants = seededOrder(
        experiment.variants,
        (v) => `${seed}/${round}/${task.id}/${v.name}`,
      );
      for (const variant of variants) {
        schedule.push({
          position: schedule.length + 1,
          round,
          block,
          task,
          variant,
          repetition: round,
          sessionId: sessionIdOf(experiment.experiment, seed, task.id, variant.name, round),
        });
      }
      block++;
    }
  }
  return schedule;
}

/**
 * The sessions of one shard: whole blocks, dealt round-robin, so both variants of a task run on
 * the same machine, close together; the shards together hold every session exactly once.
 */
export function shardOf(schedule: readonly ScheduledSession[], shard: Shard): ScheduledSession[] {
  return schedule.filter((session) => session.block % shard.count === shard.index - 1);
}

/** `experiment:seed:task:variant:repetition`: the same session gets the same id on every run. */
export function sessionIdOf(
  experiment: string,
  seed: number,
  task: string,
  variant: string,
  repetition: number,
): string {
  return `${experiment}:${seed}:${task}:${variant}:${repetition}`;
}

function seededOrder<T>(items: readonly T[], key: (item: T) => string): T[] {
  const hash = (item: T) => createHash('sha256').update(key(item)).digest('hex');
  return items
    .map((item) => ({ item, rank: hash(item) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .map(({ item }) => item);
}
