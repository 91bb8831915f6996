import type { ExperimentConfig } from '../config/experiment-config.js';
import type { SessionTable } from '../records/types.js';
import type { MetricDefinition } from './metric-definitions.js';
import type { Recommendation } from './report-types.js';
import { armSamples, rowsOfVariant } from './samples.js';
import type { TaskDrilldown, TaskRow } from './task-drilldown-types.js';
import { taskMeans, type TaskMeans } from './task-means.js';
import { passAtKOf, solvedPerTask, type SolvedPerTask } from './task-outcomes.js';
import { verdictRobustness } from './verdict-robustness.js';

/** Rows the report lists at most; the least influential tasks beyond it are only counted. */
export const ROW_LIMIT = 5000;

/**
 * The primary metric task by task, from the sessions themselves: each task's value per arm, the
 * paired difference and who won it, which tasks flipped or are flaky, pass@k, and whether the
 * verdict survives leaving out its most influential tasks (`reanalyze` gives the
 * recommendation of the same metrics without the rows it picks). Null unless some task ran in both arms.
 */
export function taskDrilldown(
  table: SessionTable,
  definitions: readonly MetricDefinition[],
  config: ExperimentConfig,
  recommendation: Recommendation,
  reanalyze: (leaveOut: (row: number) => boolean) => Recommendation,
): TaskDrilldown | null {
  const primary = definitions.find((d) => d.role === 'primary')!;
  const outcome =
    primary.kind === 'binary'
      ? primary
      : definitions.find((d) => d.name === 'success' && d.kind === 'binary');
  const arms = (['control', 'treatment'] as const).map((arm) => {
    const rows = rowsOfVariant(table, config[arm]);
    return {
      sessions: sessionsPerTask(table, rows),
      means: taskMeans(armSamples(table, rows, primary.source)),
      solved: outcome ? solvedPerTask(armSamples(table, rows, outcome.source)) : new Map(),
    };
  });
  const [control, treatment] = arms as [Arm, Arm];
  const paired = [...control.sessions.keys()].filter((task) => treatment.sessions.has(task));
  if (paired.length === 0) return null;

  const names = table.labels('task_id');
  const categoryOf = firstCategory(table);
  const differences = new Map<number, number>();
  for (const task of paired) {
    const c = control.means.value(task);
    const t = treatment.means.value(task);
    if (c !== undefined && t !== undefined) differences.set(task, t - c);
  }
  const meanDifference = average([...differences.values()]);
  const all = [...new Set([...control.sessions.keys(), ...treatment.sessions.keys()])];
  const rows = all.map((task): TaskRow => {
    const difference = differences.get(task) ?? null;
    const solved = {
      control: control.solved.get(task) ?? null,
      treatment: treatment.solved.get(task) ?? null,
    };
    return {
      task: names[task]!,
      category: categoryOf.get(task) ?? null,
      sessions: {
        control: control.sessions.get(task) ?? 0,
        treatment: treatment.sessions.get(task) ?? 0,
      },
      control: control.means.value(task) ?? null,
      treatment: treatment.means.value(task) ?? null,
      difference,
      outcome: difference === null ? null : outcomeOf(difference, primary.better),
      influence:
        difference === null || differences.size < 2
          ? null
          : (meanDifference - difference) / (differences.size - 1),
      solved,
      flipped: flippedArm(solved),
      flaky: (['control', 'treatment'] as const).filter((arm) => isFlaky(solved[arm])),
    };
  });
  rows.sort(
    (a, b) =>
      Math.abs(b.influence ?? -1) - Math.abs(a.influence ?? -1) || compareText(a.task, b.task),
  );
  const count = (keep: (row: TaskRow) => boolean) => rows.filter(keep).length;

  return {
    metric: primary.name,
    better: primary.better,
    outcome: outcome?.name ?? null,
    counts: {
      paired: paired.length,
      controlOnly: count((r) => r.sessions.treatment === 0),
      treatmentOnly: count((r) => r.sessions.control === 0),
      wins: count((r) => r.outcome === 'win'),
      losses: count((r) => r.outcome === 'loss'),
      ties: count((r) => r.outcome === 'tie'),
      flipped: {
        control: count((r) => r.flipped === 'control'),
        treatment: count((r) => r.flipped === 'treatment'),
      },
      flaky: {
        control: count((r) => r.flaky.includes('control')),
        treatment: count((r) => r.flaky.includes('treatment')),
      },
    },
    passAtK: passAtKOf(
      paired.map((task) => [control.solved.get(task), treatment.solved.get(task)]),
    ),
    robustness: verdictRobustness(table, rows, recommendation, reanalyze),
    rows: rows.slice(0, ROW_LIMIT),
    omittedRows: Math.max(0, rows.length - ROW_LIMIT),
  };
}

interface Arm {
  sessions: Map<number, number>;
  means: TaskMeans;
  solved: SolvedPerTask;
}

/** Sessions per task code in the arm, whether or not they carry the metric. */
function sessionsPerTask(table: SessionTable, rows: Int32Array): Map<number, number> {
  const codes = table.codes('task_id');
  const counts = new Map<number, number>();
  for (const r of rows) {
    const task = codes[r]!;
    if (task >= 0) counts.set(task, (counts.get(task) ?? 0) + 1);
  }
  return counts;
}

/** Each task's category, as the first of its sessions that has one names it. */
function firstCategory(table: SessionTable): Map<number, string> {
  const tasks = table.codes('task_id');
  const categories = table.codes('category');
  const names = table.labels('category');
  const found = new Map<number, string>();
  for (let r = 0; r < table.size; r++) {
    const code = categories[r]!;
    if (code >= 0 && !found.has(tasks[r]!)) found.set(tasks[r]!, names[code]!);
  }
  return found;
}

/** Per-task values are averages, so equal ones may differ in the last bits. */
function outcomeOf(difference: number, better: 'higher' | 'lower'): TaskRow['outcome'] {
  if (Math.abs(difference) <= 1e-12) return 'tie';
  return difference > 0 === (better === 'higher') ? 'win' : 'loss';
}

function flippedArm(solved: TaskRow['solved']): TaskRow['flipped'] {
  const { control, treatment } = solved;
  if (!control || !treatment) return null;
  const always = (s: typeof control) => s.solved === s.sessions;
  if (always(treatment) && control.solved === 0) return 'treatment';
  if (always(control) && treatment.solved === 0) return 'control';
  return null;
}

function isFlaky(solved: TaskRow['solved']['control']): boolean {
  return solved !== null && solved.solved > 0 && solved.solved < solved.sessions;
}

function average(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length === 0 ? 0 : sum / values.length;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
