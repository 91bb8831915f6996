import { validateRecord } from '../records/schema.js';
import type { AddOutcome } from '../store/local-store.js';
import { parseFlags } from './parse-flags.js';
import {
  experimentId,
  noMoreArguments,
  nonNegative,
  openStore,
  perVariant,
  STORE_HELP,
  STORE_OPTION,
  stopOnUsageProblems,
  storedSession,
  storeErrors,
  wholeNumber,
  type StoreIO,
} from './store-command.js';

export const ADD_RESULT_HELP = `Usage: ab-verdict add-result <id> --variant <name> --session-id <id> [options]

Add one session's result to an experiment of the local store. The same session id added again
with the same values changes nothing; with other values, the new result replaces the old one.

Options:
  --variant <name>             the session's variant, e.g. cold or warm (required)
  --session-id <id>            the session's unique id (required)
  --task-id <id>               the task it ran; sessions of both variants on one task are paired
                               (default: the experiment's id)
  --tool-calls <n>             tool calls made
  --successful-calls <n>       tool calls that succeeded (at most --tool-calls)
  --completion-time <s>        wall time of the session, in seconds
  --success, --no-success      whether the session solved its task (neither: unknown)
  --message-count <n>          messages in the session
  --user-corrections <n>       times a person corrected the agent
  --error <text>               an error message (repeat for several)
  --metric <name=value>        a custom metric, a number or true/false (repeat for several)
  --category <name>            the task's category (default: the experiment's)
  --difficulty <level>         the task's difficulty (default: the experiment's)
  --notes <text>               free text
${STORE_HELP}
  -h, --help                   show this help

Exit codes: 0 added, 1 no such experiment or the store cannot be written, 2 usage error.`;

/** Record fields by the flag that sets them, for messages. */
const FLAGS: Record<string, string> = {
  session_id: '--session-id',
  variant: '--variant',
  task_id: '--task-id',
  tool_calls: '--tool-calls',
  successful_tool_calls: '--successful-calls',
  completion_time_seconds: '--completion-time',
  success: '--success',
  message_count: '--message-count',
  user_corrections: '--user-corrections',
  errors: '--error',
  metrics: '--metric',
  category: '--category',
  difficulty: '--difficulty',
  notes: '--notes',
};

export async function addResultCommand(args: string[], io: StoreIO): Promise<void> {
  const { values, positionals } = parseFlags('add-result', args, {
    variant: { type: 'string' },
    'session-id': { type: 'string' },
    'task-id': { type: 'string' },
    'tool-calls': { type: 'string' },
    'successful-calls': { type: 'string' },
    'completion-time': { type: 'string' },
    success: { type: 'boolean' },
    'no-success': { type: 'boolean' },
    'message-count': { type: 'string' },
    'user-corrections': { type: 'string' },
    error: { type: 'string', multiple: true },
    metric: { type: 'string', multiple: true },
    category: { type: 'string' },
    difficulty: { type: 'string' },
    notes: { type: 'string' },
    ...STORE_OPTION,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(ADD_RESULT_HELP + '\n');
    return;
  }
  const [first, ...extra] = positionals;
  const id = experimentId(first, 'add-result');
  noMoreArguments(extra, 'add-result');

  const problems: string[] = [];
  if (values.variant === undefined) {
    problems.push('--variant is required: the session’s variant, e.g. cold or warm');
  }
  if (values['session-id'] === undefined) {
    problems.push('--session-id is required: a unique id for the session');
  }
  if (values.success && values['no-success']) {
    problems.push('choose one of --success and --no-success');
  }
  const calls = wholeNumber('tool-calls', values['tool-calls'], problems);
  const successful = wholeNumber('successful-calls', values['successful-calls'], problems);
  if (values['successful-calls'] !== undefined && values['tool-calls'] === undefined) {
    problems.push('--successful-calls needs --tool-calls: the error rate is failed calls of all');
  }
  const record: Record<string, unknown> = {
    session_id: values['session-id'],
    variant: values.variant,
    task_id: values['task-id'] ?? id,
    experiment: id,
    success: values.success ? true : values['no-success'] ? false : undefined,
    tool_calls: calls,
    successful_tool_calls: successful,
    completion_time_seconds: nonNegative(
      'completion-time',
      values['completion-time'],
      'a number of seconds',
      problems,
    ),
    message_count: wholeNumber('message-count', values['message-count'], problems),
    user_corrections: wholeNumber('user-corrections', values['user-corrections'], problems),
    errors: values.error,
    metrics: values.metric && metrics(values.metric, problems),
    category: values.category,
    difficulty: values.difficulty,
    notes: values.notes,
  };
  stopOnUsageProblems(problems, 'add-result');

  const store = openStore(values.store, io, 'add-result');
  const now = io.now?.() ?? new Date();
  const added = await storeErrors(async () => {
    const manifest = await store.manifest(id);
    record.category ??= manifest.category;
    record.difficulty ??= manifest.difficulty;
    const checked = validateRecord(
      Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)),
    );
    if ('problems' in checked) {
      stopOnUsageProblems(
        checked.problems.map(({ field, message }) => {
          const top = field.split('.')[0] ?? '';
          const flag = FLAGS[top] ?? field;
          const named = message.replace(/\btool_calls \(/, '--tool-calls (');
          return `${flag}: ${named}`;
        }),
        'add-result',
      );
      return undefined;
    }
    const outcome = await store.add(id, [storedSession(checked.record, 'add-result', now)], now);
    return { outcome, order: [manifest.control ?? 'cold', manifest.treatment ?? 'warm'] };
  });
  if (added)
    io.stdout(addResultSummary(id, String(values['session-id']), added.outcome, added.order));
}

/** `--metric cost_usd=0.21`, `--metric cached=true`. */
function metrics(items: string[], problems: string[]): Record<string, number | boolean> {
  const result: Record<string, number | boolean> = {};
  for (const item of items) {
    const match = /^([^=]+)=(.*)$/.exec(item);
    const name = match?.[1]?.trim();
    const text = match?.[2]?.trim() ?? '';
    const value =
      text === 'true'
        ? true
        : text === 'false'
          ? false
          : /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)
            ? Number(text)
            : undefined;
    if (!name || value === undefined) {
      problems.push(
        `--metric: expected name=value with a number or true/false, like cost_usd=0.21, got ${JSON.stringify(item)}`,
      );
      continue;
    }
    result[name] = value;
  }
  return result;
}

function addResultSummary(
  id: string,
  sessionId: string,
  outcome: AddOutcome,
  order: string[],
): string {
  const what =
    outcome.added > 0
      ? `Added session ${JSON.stringify(sessionId)}`
      : outcome.conflicts.length > 0
        ? `Replaced session ${JSON.stringify(sessionId)} (it was stored with other values)`
        : `Session ${JSON.stringify(sessionId)} was stored already with these values; nothing changed`;
  return `${what}. Experiment ${JSON.stringify(id)} holds ${perVariant(outcome.stored, order)}.\n`;
}
