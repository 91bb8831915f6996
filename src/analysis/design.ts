import type { ArmSamples } from './samples.js';

export type DesignKind = 'paired' | 'clustered' | 'independent';

/** How sessions relate across the arms, and so which comparison is valid and most powerful. */
export interface Design {
  kind: DesignKind;
  /** The tasks both arms ran (codes), in a fixed order: the strata of a paired comparison. */
  shared: number[];
  /** Distinct tasks per arm. */
  tasks: { control: number; treatment: number };
  /** Sessions on tasks only one arm ran: left out of a paired comparison. */
  unpairedSessions: number;
  explanation: string;
}

/** A paired comparison needs the shared tasks to hold this share of each arm's sessions. */
export const MIN_PAIRED_SHARE = 0.5;

/**
 * Paired by task when both arms ran (mostly) the same tasks: each task is compared with itself,
 * which removes the differences between tasks, and the verdict is about these tasks. Otherwise,
 * when a task ran several times in an arm, its sessions are not independent: they are clustered by
 * task and the tasks are the units (the verdict then generalises over tasks, and needs several of
 * them). Otherwise the sessions are independent.
 */
export function chooseDesign(control: ArmSamples, treatment: ArmSamples): Design {
  const countsC = sessionsPerTask(control.tasks);
  const countsT = sessionsPerTask(treatment.tasks);
  const shared = [...countsC.keys()]
    .filter((task) => task >= 0 && countsT.has(task))
    .sort((a, b) => a - b);
  const sharedSessions = (counts: Map<number, number>) =>
    shared.reduce((sum, task) => sum + counts.get(task)!, 0);
  const totalC = control.tasks.length;
  const totalT = treatment.tasks.length;
  const shareC = totalC === 0 ? 0 : sharedSessions(countsC) / totalC;
  const shareT = totalT === 0 ? 0 : sharedSessions(countsT) / totalT;
  const unpairedSessions = totalC + totalT - sharedSessions(countsC) - sharedSessions(countsT);
  const tasks = { control: countsC.size, treatment: countsT.size };
  const base = { shared, tasks, unpairedSessions };

  if (shared.length > 0 && Math.min(shareC, shareT) >= MIN_PAIRED_SHARE) {
    const left =
      unpairedSessions > 0
        ? ` ${unpairedSessions} session${unpairedSessions === 1 ? '' : 's'} on tasks only one variant ran ${unpairedSessions === 1 ? 'was' : 'were'} left out.`
        : '';
    const few =
      shared.length < 5
        ? ` With ${shared.length} task${shared.length === 1 ? '' : 's'}, the verdict is about ${shared.length === 1 ? 'that task' : 'these tasks'}; it may not carry over to others.`
        : '';
    return {
      kind: 'paired',
      ...base,
      explanation: `Paired by task: both variants ran the same ${shared.length === 1 ? 'task' : `${shared.length} tasks`}, so each task is compared with itself, which removes the differences between tasks from the noise.${few}${left}`,
    };
  }
  const repeats = Math.max(largest(countsC), largest(countsT));
  const why =
    shared.length === 0
      ? 'the variants ran different tasks'
      : `the tasks both variants ran hold only ${Math.round(Math.min(shareC, shareT) * 100)}% of an arm's sessions`;
  if (repeats >= 2) {
    return {
      kind: 'clustered',
      ...base,
      explanation: `Clustered by task: tasks were run several times (up to ${repeats} sessions of one task in an arm), so sessions of a task are not independent and the tasks (${tasks.control} and ${tasks.treatment}) are the units of the comparison; not paired because ${why}.`,
    };
  }
  return {
    kind: 'independent',
    ...base,
    explanation: `Independent sessions: each task ran once per arm at most and ${why}, so the sessions are compared as two independent samples.`,
  };
}

/** Sessions per task code; sessions without a task (−1) count as tasks of their own. */
function sessionsPerTask(tasks: Int32Array): Map<number, number> {
  const counts = new Map<number, number>();
  let unknown = -2;
  for (const task of tasks) {
    const key = task >= 0 ? task : unknown--;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function largest(counts: Map<number, number>): number {
  let most = 0;
  for (const count of counts.values()) most = Math.max(most, count);
  return most;
}
