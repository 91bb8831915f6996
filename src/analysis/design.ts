import type { ArmSamples } from './samples.js';
import { countTasks, taskCodeLimit } from './task-counts.js';

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
  const limit = taskCodeLimit([control, treatment]);
  const countsC = countTasks(control.tasks, limit);
  const countsT = countTasks(treatment.tasks, limit);
  const shared: number[] = [];
  let sharedC = 0;
  let sharedT = 0;
  for (let task = 0; task < limit; task++) {
    const c = countsC.perTask[task]!;
    const t = countsT.perTask[task]!;
    if (c === 0 || t === 0) continue;
    shared.push(task);
    sharedC += c;
    sharedT += t;
  }
  const totalC = control.tasks.length;
  const totalT = treatment.tasks.length;
  const shareC = totalC === 0 ? 0 : sharedC / totalC;
  const shareT = totalT === 0 ? 0 : sharedT / totalT;
  const unpairedSessions = totalC + totalT - sharedC - sharedT;
  const tasks = { control: countsC.distinct, treatment: countsT.distinct };
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
  const repeats = Math.max(countsC.largest, countsT.largest);
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
