import { DEFAULT_CONFIG, type ExperimentConfig } from '../../src/config/experiment-config.js';
import { ColumnarSessionTable } from '../../src/records/session-table.js';
import type { SessionRecord } from '../../src/records/types.js';

export const INPUT = { files: [], recordsRead: 0, skippedInvalid: 0, otherExperiments: {} };
export const CONFIG: ExperimentConfig = { ...DEFAULT_CONFIG, experiment: 'exp' };

/** One task's sessions in one arm: `failed` of 100 tool calls fail (±1 between sessions), `solved` of them succeed. */
export interface Runs {
  task: string;
  variant: 'cold' | 'warm';
  sessions: number;
  solved: number;
  failed?: number;
  category?: string;
}

export function tableOf(runs: Runs[]): ColumnarSessionTable {
  const table = new ColumnarSessionTable();
  for (const run of runs) {
    for (let s = 0; s < run.sessions; s++) {
      const failed = (run.failed ?? 20) + (s % 2 === 0 ? 1 : -1);
      table.add({
        session_id: `${run.variant}-${run.task}-${s}`,
        variant: run.variant,
        task_id: run.task,
        success: s < run.solved,
        tool_calls: 100,
        successful_tool_calls: 100 - failed,
        ...(run.category ? { category: run.category } : {}),
      } as SessionRecord);
    }
  }
  return table;
}

/** Both arms on each task: the same sessions and successes unless given. */
export function pairedRuns(
  tasks: { task: string; cold: Partial<Runs>; warm: Partial<Runs> }[],
): Runs[] {
  return tasks.flatMap(({ task, cold, warm }) => [
    { task, variant: 'cold' as const, sessions: 4, solved: 2, ...cold },
    { task, variant: 'warm' as const, sessions: 4, solved: 2, ...warm },
  ]);
}

/**
 * Five tasks; warm makes 25 fewer failed calls in task-4, run 6 times per arm, and about as many
 * in the other four, run twice, so the verdict is carried by that one task: with it, adopt;
 * without it, the four say nothing. `without` leaves that many tasks out from the end.
 */
export function carriedByOneTask(without = 0): ColumnarSessionTable {
  const tasks = [
    { difference: -2, sessions: 2 },
    { difference: 1, sessions: 2 },
    { difference: -1, sessions: 2 },
    { difference: 1, sessions: 2 },
    { difference: -25, sessions: 6 },
  ].slice(0, 5 - without);
  return tableOf(
    pairedRuns(
      tasks.map(({ difference, sessions }, i) => ({
        task: `task-${i}`,
        cold: { sessions, failed: 20 },
        warm: { sessions, failed: 20 + difference },
      })),
    ),
  );
}
