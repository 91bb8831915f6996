import { formatNumber } from '../analysis/format-number.js';
import { alignColumns } from '../report/align-columns.js';
import type { StoredSession } from '../store/format.js';
import type { LoadedExperiment } from '../store/local-store.js';
import { parseFlags } from './parse-flags.js';
import {
  displayPath,
  experimentId,
  noMoreArguments,
  openStore,
  plural,
  STORE_HELP,
  STORE_OPTION,
  storeErrors,
  type StoreIO,
} from './store-command.js';
import { UsageError } from './usage-error.js';

export const SHOW_HELP = `Usage: ab-verdict show <id> [options]

Show an experiment of the local store: its description, per variant the sessions, tasks,
success rate, tool error rate and mean completion time, and the sessions added last.

Options:
  --sessions <n|all>           how many sessions to list, the last added (default: 20)
  --json                       print it all as JSON (every session unless --sessions)
${STORE_HELP}
  -h, --help                   show this help

Exit codes: 0 done, 1 no such experiment or an unreadable store, 2 usage error.`;

const SESSIONS_SHOWN = 20;

export async function showCommand(args: string[], io: StoreIO): Promise<void> {
  const { values, positionals } = parseFlags('show', args, {
    sessions: { type: 'string' },
    json: { type: 'boolean' },
    ...STORE_OPTION,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(SHOW_HELP + '\n');
    return;
  }
  const [first, ...extra] = positionals;
  const id = experimentId(first, 'show');
  noMoreArguments(extra, 'show');
  const limit = sessionLimit(values.sessions, values.json === true);
  const store = openStore(values.store, io, 'show');
  const experiment = await storeErrors(() => store.get(id));
  warnOfProblems(experiment, io);
  io.stdout(
    values.json
      ? `${JSON.stringify(showJson(experiment, store.display, limit), null, 2)}\n`
      : showText(experiment, displayPath(experiment.folder, io.cwd), limit),
  );
}

function sessionLimit(value: string | undefined, json: boolean): number {
  if (value === undefined) return json ? Infinity : SESSIONS_SHOWN;
  if (value.trim().toLowerCase() === 'all') return Infinity;
  if (!/^\d+$/.test(value.trim())) {
    throw new UsageError(
      `--sessions: expected a whole number >= 0 or all, got ${JSON.stringify(value)}`,
      'show',
    );
  }
  return Number(value.trim());
}

/** Lines of the store the read left out, as warnings. */
export function warnOfProblems(
  experiment: Pick<LoadedExperiment, 'id' | 'problems'>,
  io: Pick<StoreIO, 'stderr'>,
): void {
  if (experiment.problems.length === 0) return;
  io.stderr(
    `warning: experiment ${JSON.stringify(experiment.id)}: lines of the store left out:\n${experiment.problems.map((line) => `  ${line}`).join('\n')}\n`,
  );
}

/** What one variant's sessions add up to. */
export interface ArmSummary {
  variant: string;
  role: 'control' | 'treatment' | null;
  sessions: number;
  tasks: number;
  success: { successes: number; known: number; rate: number | null };
  toolErrorRate: { failed: number; calls: number; rate: number | null };
  meanCompletionTimeSeconds: number | null;
}

/** Per variant, the control first, then the treatment, then any others by name. */
export function armSummaries(
  sessions: readonly StoredSession[],
  control: string,
  treatment: string,
): ArmSummary[] {
  const arms = new Map<
    string,
    {
      sessions: number;
      tasks: Set<string>;
      successes: number;
      known: number;
      failed: number;
      calls: number;
      time: number;
      timed: number;
    }
  >();
  for (const { record } of sessions) {
    let arm = arms.get(record.variant);
    if (!arm) {
      arm = {
        sessions: 0,
        tasks: new Set(),
        successes: 0,
        known: 0,
        failed: 0,
        calls: 0,
        time: 0,
        timed: 0,
      };
      arms.set(record.variant, arm);
    }
    arm.sessions++;
    arm.tasks.add(record.task_id);
    if (record.success !== undefined) {
      arm.known++;
      if (record.success) arm.successes++;
    }
    if (record.tool_calls !== undefined && record.successful_tool_calls !== undefined) {
      arm.calls += record.tool_calls;
      arm.failed += record.tool_calls - record.successful_tool_calls;
    }
    if (record.completion_time_seconds !== undefined) {
      arm.time += record.completion_time_seconds;
      arm.timed++;
    }
  }
  const order = (variant: string) => (variant === control ? 0 : variant === treatment ? 1 : 2);
  return [...arms.entries()]
    .sort(([a], [b]) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([variant, arm]) => ({
      variant,
      role: variant === control ? 'control' : variant === treatment ? 'treatment' : null,
      sessions: arm.sessions,
      tasks: arm.tasks.size,
      success: {
        successes: arm.successes,
        known: arm.known,
        rate: arm.known > 0 ? arm.successes / arm.known : null,
      },
      toolErrorRate: {
        failed: arm.failed,
        calls: arm.calls,
        rate: arm.calls > 0 ? arm.failed / arm.calls : null,
      },
      meanCompletionTimeSeconds: arm.timed > 0 ? arm.time / arm.timed : null,
    }));
}

/** The variants `analyze <id>` compares: the experiment's own, else cold and warm. */
export function variantsOf(experiment: LoadedExperiment): { control: string; treatment: string } {
  const { control, treatment } = experiment.snapshot.manifest;
  return { control: control ?? 'cold', treatment: treatment ?? 'warm' };
}

function showText(experiment: LoadedExperiment, folder: string, limit: number): string {
  const { manifest, sessions } = experiment.snapshot;
  const { control, treatment } = variantsOf(experiment);
  const lines = [
    `Experiment ${experiment.id}${manifest.description ? `: ${manifest.description}` : ''}`,
  ];
  const facts: [string, string | undefined][] = [
    ['prompt', manifest.prompt],
    ['category', manifest.category],
    ['difficulty', manifest.difficulty],
    ['compares', `${treatment} (treatment) against ${control} (control)`],
    ['created', manifest.createdAt],
    ['updated', manifest.updatedAt],
    ['stored in', folder],
  ];
  for (const [name, value] of facts) {
    if (value !== undefined) lines.push(`  ${`${name}:`.padEnd(12)}${oneLine(value)}`);
  }
  lines.push('');
  if (sessions.length === 0) {
    lines.push(`No sessions yet. Add some with 'ab-verdict add-result' or 'ab-verdict add'.`);
    return `${lines.join('\n')}\n`;
  }
  const arms = armSummaries(sessions, control, treatment);
  lines.push(
    ...alignColumns([
      ['variant', 'sessions', 'tasks', 'success', 'tool error rate', 'mean time'],
      ...arms.map((arm) => [
        arm.role ? `${arm.variant} (${arm.role})` : arm.variant,
        String(arm.sessions),
        String(arm.tasks),
        arm.success.rate === null
          ? '—'
          : `${percent(arm.success.rate)} (${arm.success.successes}/${arm.success.known})`,
        arm.toolErrorRate.rate === null
          ? '—'
          : `${formatNumber(arm.toolErrorRate.rate)} (${arm.toolErrorRate.failed}/${arm.toolErrorRate.calls} calls)`,
        arm.meanCompletionTimeSeconds === null
          ? '—'
          : `${formatNumber(arm.meanCompletionTimeSeconds)} s`,
      ]),
    ]),
  );
  const shown = limit >= sessions.length ? sessions : sessions.slice(sessions.length - limit);
  lines.push('');
  if (shown.length === 0) {
    lines.push(`${plural(sessions.length, 'session')} in all.`);
  } else {
    lines.push(
      shown.length === sessions.length
        ? `Sessions (${sessions.length}, oldest first):`
        : `The ${plural(shown.length, 'session')} added last, of ${sessions.length} (--sessions all lists every one):`,
    );
    lines.push(
      ...alignColumns([
        ['session_id', 'variant', 'task_id', 'success', 'tool calls', 'time', 'added', 'source'],
        ...shown.map(({ record, provenance }) => [
          oneLine(record.session_id),
          oneLine(record.variant),
          oneLine(record.task_id),
          record.success === undefined ? '—' : record.success ? 'yes' : 'no',
          record.tool_calls === undefined
            ? '—'
            : record.successful_tool_calls === undefined
              ? String(record.tool_calls)
              : `${record.tool_calls - record.successful_tool_calls} failed of ${record.tool_calls}`,
          record.completion_time_seconds === undefined
            ? '—'
            : `${formatNumber(record.completion_time_seconds)} s`,
          provenance.time,
          oneLine(provenance.source),
        ]),
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}

function showJson(experiment: LoadedExperiment, store: string, limit: number): object {
  const { manifest, sessions } = experiment.snapshot;
  const { control, treatment } = variantsOf(experiment);
  return {
    ...manifest,
    store,
    folder: experiment.folder,
    control,
    treatment,
    arms: armSummaries(sessions, control, treatment),
    sessions: limit >= sessions.length ? sessions : sessions.slice(sessions.length - limit),
  };
}

function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

/** Text from a record, on one line of a table whatever it holds. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}
