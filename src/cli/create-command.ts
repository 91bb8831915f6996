import type { ExperimentMeta } from '../store/format.js';
import { DIFFICULTIES } from '../store/experiment-meta.js';
import { parseFlags } from './parse-flags.js';
import {
  checkId,
  experimentId,
  noMoreArguments,
  openStore,
  STORE_HELP,
  STORE_OPTION,
  stopOnUsageProblems,
  storeErrors,
  type StoreIO,
} from './store-command.js';
import { UsageError } from './usage-error.js';

export const CREATE_HELP = `Usage: ab-verdict create <id> --description <text> [options]
       ab-verdict create --experiment <id> --description <text> [options]

Create an experiment in the local store, without sessions yet. Add them with 'ab-verdict
add-result', 'ab-verdict add' or 'ab-verdict import'.

Options:
  --experiment <id>            the experiment's id (or give it as the first argument)
  --description <text>         what the experiment compares (required)
  --prompt <text>              the prompt or task the sessions run
  --category <name>            the task's category, e.g. bugfix
  --difficulty <level>         easy, medium or hard
  --control <variant>          the control variant 'analyze <id>' uses (default: cold)
  --treatment <variant>        the treatment variant 'analyze <id>' uses (default: warm)
${STORE_HELP}
  -h, --help                   show this help

Exit codes: 0 created, 1 the id is taken or the store cannot be written, 2 usage error.`;

export async function createCommand(args: string[], io: StoreIO): Promise<void> {
  const { values, positionals } = parseFlags('create', args, {
    experiment: { type: 'string' },
    description: { type: 'string' },
    prompt: { type: 'string' },
    category: { type: 'string' },
    difficulty: { type: 'string' },
    control: { type: 'string' },
    treatment: { type: 'string' },
    ...STORE_OPTION,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(CREATE_HELP + '\n');
    return;
  }
  const [first, ...extra] = positionals;
  if (first !== undefined && values.experiment !== undefined && first !== values.experiment) {
    throw new UsageError(
      `two ids: ${JSON.stringify(first)} and --experiment ${JSON.stringify(values.experiment)}; give one`,
      'create',
    );
  }
  noMoreArguments(extra, 'create');
  const id = experimentId(values.experiment ?? first, 'create');

  const problems: string[] = [];
  const text = (flag: 'description' | 'prompt' | 'category', required = false) => {
    const value = values[flag];
    if (value === undefined) {
      if (required) problems.push(`--${flag} is required: one line that says what is compared`);
      return undefined;
    }
    if (value.trim() === '') problems.push(`--${flag}: expected some text, got ""`);
    return value.trim() || undefined;
  };
  const meta: ExperimentMeta = {
    description: text('description', true),
    prompt: text('prompt'),
    category: text('category'),
  };
  const difficulty = values.difficulty?.trim().toLowerCase();
  if (difficulty !== undefined) {
    if ((DIFFICULTIES as readonly string[]).includes(difficulty)) meta.difficulty = difficulty;
    else {
      problems.push(
        `--difficulty: expected one of ${DIFFICULTIES.join(', ')}, got ${JSON.stringify(values.difficulty)}`,
      );
    }
  }
  for (const flag of ['control', 'treatment'] as const) {
    const value = values[flag];
    if (value === undefined) continue;
    try {
      checkId(value, 'create', 'a variant name');
      meta[flag] = value;
    } catch (error) {
      problems.push(`--${flag}: ${(error as Error).message}`);
    }
  }
  if ((meta.control ?? 'cold') === (meta.treatment ?? 'warm')) {
    problems.push(
      `--control and --treatment: expected two different variants, got ${JSON.stringify(meta.control ?? 'cold')} for both`,
    );
  }
  stopOnUsageProblems(problems, 'create');

  const store = openStore(values.store, io, 'create');
  const now = io.now?.() ?? new Date();
  await storeErrors(() => store.create(id, withoutUndefined(meta), now));
  io.stdout(
    `Created experiment ${JSON.stringify(id)} in ${store.display}. Add sessions with 'ab-verdict add-result ${quoteArg(id)} --variant …', 'ab-verdict add ${quoteArg(id)} <files…>' or 'ab-verdict import <seed files…>'.\n`,
  );
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

/** An argument as a shell would need it typed. */
export function quoteArg(text: string): string {
  return /^[\w.,:/@%+=-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
