import type { LoadedExperiment } from '../store/local-store.js';
import { parseFlags } from './parse-flags.js';
import { variantsOf, warnOfProblems } from './show-command.js';
import {
  experimentId,
  noMoreArguments,
  openStore,
  STORE_HELP,
  STORE_OPTION,
  storeErrors,
  type StoreIO,
} from './store-command.js';
import { UsageError } from './usage-error.js';

export const EXPORT_HELP = `Usage: ab-verdict export <id> [options] > sessions.jsonl

Print an experiment's sessions, oldest first, as JSON Lines: one session record per line, as
'ab-verdict analyze' and 'ab-verdict add' read them.

Options:
  --format <f>                 records (the default): the session records;
                               store: the store's own lines, each record with its provenance
                               (where and when it was added);
                               seed: one seed test file ({test_id, task, cold_results,
                               warm_results}), the control's sessions in cold_results and the
                               others in warm_results, each with its own variant
${STORE_HELP}
  -h, --help                   show this help

Exit codes: 0 done, 1 no such experiment or an unreadable store, 2 usage error.`;

const FORMATS = ['records', 'store', 'seed'] as const;

export async function exportCommand(args: string[], io: StoreIO): Promise<void> {
  const { values, positionals } = parseFlags('export', args, {
    format: { type: 'string' },
    ...STORE_OPTION,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(EXPORT_HELP + '\n');
    return;
  }
  const [first, ...extra] = positionals;
  const id = experimentId(first, 'export');
  noMoreArguments(extra, 'export');
  const format = values.format ?? 'records';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      `--format: expected one of ${FORMATS.join(', ')}, got ${JSON.stringify(format)}`,
      'export',
    );
  }
  const store = openStore(values.store, io, 'export');
  const experiment = await storeErrors(() => store.get(id));
  warnOfProblems(experiment, io);
  const { sessions } = experiment.snapshot;
  if (format === 'seed') {
    io.stdout(`${JSON.stringify(seedTestFile(experiment), null, 2)}\n`);
    return;
  }
  // In chunks: a large store is never one string.
  const CHUNK = 1000;
  for (let start = 0; start < sessions.length; start += CHUNK) {
    const lines = sessions
      .slice(start, start + CHUNK)
      .map((session) => JSON.stringify(format === 'store' ? session : session.record));
    io.stdout(`${lines.join('\n')}\n`);
  }
}

/** The experiment as the seed framework's test file. */
function seedTestFile(experiment: LoadedExperiment): object {
  const { manifest, sessions } = experiment.snapshot;
  const { control } = variantsOf(experiment);
  const seed = manifest.seed ?? {};
  const task =
    seed.task ??
    Object.fromEntries(
      Object.entries({
        description: manifest.description,
        prompt: manifest.prompt,
        category: manifest.category,
        difficulty: manifest.difficulty,
      }).filter(([, value]) => value !== undefined),
    );
  return {
    ...seed,
    test_id: experiment.id,
    task,
    created_at: seed.created_at ?? manifest.createdAt,
    cold_results: sessions.filter((s) => s.record.variant === control).map((s) => s.record),
    warm_results: sessions.filter((s) => s.record.variant !== control).map((s) => s.record),
  };
}
