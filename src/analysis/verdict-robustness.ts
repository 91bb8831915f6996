import type { SessionTable } from '../records/types.js';
import type { Recommendation } from './report-types.js';
import type { TaskDrilldown, TaskRow, VerdictCheck } from './task-drilldown-types.js';

/** Tasks left out one at a time, the most influential first; then the one category. */
export const TASK_CHECKS = 3;

/**
 * Does the verdict survive without the tasks that carry it most? Each of the `TASK_CHECKS` most
 * influential tasks, and the most influential category, is left out in turn and the metrics that
 * decide compared again without its sessions (`reanalyze`), until one changes the verdict: so
 * the check follows whatever statistics decide, and costs at most `TASK_CHECKS` + 1 analyses. "Most
 * influential": for adopt or reject, the tasks whose difference pushes the mean difference
 * furthest in the verdict's direction (leaving them out weakens it most); for no difference,
 * those furthest from the mean either way. Null when the verdict is not a decision.
 */
export function verdictRobustness(
  table: SessionTable,
  rows: readonly TaskRow[],
  recommendation: Recommendation,
  reanalyze: (leaveOut: (row: number) => boolean) => Recommendation,
): TaskDrilldown['robustness'] {
  const { verdict, winner } = recommendation;
  if (verdict !== 'adopt' && verdict !== 'reject' && verdict !== 'no-difference') return null;
  const compared = rows.filter((row) => row.influence !== null);
  if (compared.length < 2) return { checks: [], restsOn: null };
  // Influence is how the mean moves without the task: against a decision's direction is what counts.
  const direction = verdict === 'no-difference' ? 0 : directionOf(compared);
  const weight = (influence: number) =>
    direction === 0 ? Math.abs(influence) : -direction * influence;

  const tasks = compared
    .map((row) => ({ name: row.task, weight: weight(row.influence!) }))
    .filter((t) => t.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, TASK_CHECKS);
  const category = heaviestCategory(compared, weight);

  const taskCodes = table.codes('task_id');
  const taskNames = table.labels('task_id');
  const categoryCodes = table.codes('category');
  const categoryNames = table.labels('category');
  const check = (kind: VerdictCheck['kind'], name: string): VerdictCheck => {
    const codes = kind === 'task' ? taskCodes : categoryCodes;
    const code = (kind === 'task' ? taskNames : categoryNames).indexOf(name);
    const decision = reanalyze((row) => codes[row] === code);
    let sessions = 0;
    for (let row = 0; row < table.size; row++) if (codes[row] === code) sessions++;
    return {
      kind,
      name,
      sessions,
      verdict: decision.verdict,
      winner: decision.winner,
    };
  };
  // In order of influence, stopping at the first that changes the verdict: it rests on that one.
  const candidates = [
    ...tasks.map((t) => ['task', t.name] as const),
    ...(category ? [['category', category] as const] : []),
  ];
  const checks: VerdictCheck[] = [];
  let restsOn: VerdictCheck | null = null;
  for (const [kind, name] of candidates) {
    const result = check(kind, name);
    checks.push(result);
    if (result.verdict !== verdict || result.winner !== winner) {
      restsOn = result;
      break;
    }
  }
  return { checks, restsOn };
}

/**
 * The sign of the mean per-task difference: every task's influence is the mean minus its own
 * difference over n − 1, so the influences sum to zero and the mean's sign is read from the
 * differences themselves.
 */
function directionOf(rows: readonly TaskRow[]): number {
  let sum = 0;
  for (const row of rows) sum += row.difference!;
  return Math.sign(sum);
}

/** The category whose tasks together weigh most, when the tasks fall in two or more. */
function heaviestCategory(
  rows: readonly TaskRow[],
  weight: (influence: number) => number,
): string | null {
  const influence = new Map<string, number>();
  for (const row of rows) {
    if (row.category === null) continue;
    influence.set(row.category, (influence.get(row.category) ?? 0) + row.influence!);
  }
  if (influence.size < 2) return null;
  const [heaviest] = [...influence]
    .map(([name, sum]) => ({ name, weight: weight(sum) }))
    .filter((c) => c.weight > 0)
    .sort((a, b) => b.weight - a.weight || (a.name < b.name ? -1 : 1));
  return heaviest?.name ?? null;
}
