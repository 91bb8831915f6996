import type { ArmSamples } from './samples.js';
import { largestTask, taskMeans, type TaskMeans } from './task-means.js';

export type DesignKind = 'paired' | 'clustered' | 'independent';

/** How sessions relate across the arms, and so which comparison is valid and most powerful. */
export interface Design {
  kind: DesignKind;
  /** The tasks both arms ran, in a fixed order, with each arm's per-task value. */
  shared: { task: number; control: number; treatment: number }[];
  control: TaskMeans;
  treatment: TaskMeans;
  /** Sessions on tasks only one arm ran: left out of a paired comparison. */
  unpairedSessions: number;
  explanation: string;
}

/** Pairing needs this many shared tasks (a paired t-test then has 2 degrees of freedom or more). */
export const MIN_PAIRED_TASKS = 3;
/** …and the shared tasks must hold this share of each arm's sessions. */
export const MIN_PAIRED_SHARE = 0.8;

/**
 * Paired by task when both arms ran (mostly) the same tasks: each task is compared with itself,
 * which removes the task-to-task variance (Miller, eq. 7). Otherwise, when tasks repeat within an
 * arm, sessions of one task are not independent and standard errors are clustered by task
 * (Miller, eq. 4). Otherwise the sessions are independent.
 */
export function chooseDesign(controlSamples: ArmSamples, treatmentSamples: ArmSamples): Design {
  const control = taskMeans(controlSamples);
  const treatment = taskMeans(treatmentSamples);
  const shared = [...control.keys()]
    .filter((task) => task >= 0 && treatment.has(task))
    .sort((a, b) => a - b)
    .map((task) => ({
      task,
      control: control.get(task)!.value,
      treatment: treatment.get(task)!.value,
    }));
  const sharedTasks = new Set(shared.map(({ task }) => task));
  const sessionsOn = (means: TaskMeans, only?: Set<number>) => {
    let sessions = 0;
    for (const [task, mean] of means) if (!only || only.has(task)) sessions += mean.sessions;
    return sessions;
  };
  const controlTotal = sessionsOn(control);
  const treatmentTotal = sessionsOn(treatment);
  const controlShared = sessionsOn(control, sharedTasks);
  const treatmentShared = sessionsOn(treatment, sharedTasks);
  const pairedShare = Math.min(
    controlShared / Math.max(controlTotal, 1),
    treatmentShared / Math.max(treatmentTotal, 1),
  );
  const unpairedSessions = controlTotal + treatmentTotal - controlShared - treatmentShared;
  const base = { shared, control, treatment, unpairedSessions };

  if (shared.length >= MIN_PAIRED_TASKS && pairedShare >= MIN_PAIRED_SHARE) {
    const left =
      unpairedSessions > 0
        ? ` ${unpairedSessions} session${unpairedSessions === 1 ? '' : 's'} on tasks only one variant ran ${unpairedSessions === 1 ? 'was' : 'were'} left out of it.`
        : '';
    return {
      kind: 'paired',
      ...base,
      explanation: `Paired by task: both variants ran the same ${shared.length} tasks, so each task is compared with itself (the average of per-task differences), which removes the differences between tasks from the noise.${left}`,
    };
  }
  const repeats = Math.max(largestTask(control), largestTask(treatment));
  const why =
    shared.length === 0
      ? 'the variants ran different tasks'
      : shared.length < MIN_PAIRED_TASKS
        ? `only ${shared.length} task${shared.length === 1 ? ' is' : 's are'} shared by both variants, too few to pair`
        : `the tasks both variants ran hold only ${Math.round(pairedShare * 100)}% of an arm's sessions`;
  if (repeats >= 2 && control.size >= 2 && treatment.size >= 2) {
    return {
      kind: 'clustered',
      ...base,
      explanation: `Clustered by task: tasks were run several times (up to ${repeats} sessions of one task in an arm), so sessions of a task are not independent and the standard errors are clustered by task; not paired because ${why}.`,
    };
  }
  return {
    kind: 'independent',
    ...base,
    explanation: `Independent sessions: ${repeats >= 2 ? 'an arm has fewer than 2 tasks, so no clustering is possible,' : 'each task ran once per arm at most'} and ${why}, so the sessions are compared as two independent samples.`,
  };
}
