import { stat } from 'node:fs/promises';
import { findInputFiles, inputProblem, type InputFile } from '../records/find-input-files.js';
import { readSessions } from '../records/read.js';
import { readInputs, sourceOptions } from '../sources/read-inputs.js';
import type { SourceSettings } from '../config/source-settings.js';
import type { RecordProblem } from '../records/types.js';
import type { StoredSession, StoreManifest } from '../store/format.js';
import type { AddOutcome, LocalStore } from '../store/local-store.js';
import { parseFlags } from './parse-flags.js';
import { stopOnProblems } from './problems-output.js';
import { printWarnings, SOURCE_FLAGS, SOURCE_HELP, sourceSettings } from './source-flags.js';
import {
  experimentId,
  openStore,
  perVariant,
  plural,
  progressBar,
  STORE_HELP,
  STORE_OPTION,
  storedSession,
  storeErrors,
  type StoreIO,
} from './store-command.js';
import { InputError, UsageError } from './usage-error.js';

export const ADD_HELP = `Usage: ab-verdict add <id> <files|dirs|globs...> [options]
       ab-verdict add <id> <agent logs...> --variant <name> [options]

Add sessions to an experiment of the local store: from result files (.json, .jsonl, the seed's
test files), or from agents' own logs, read as they are (see the README for each format):
Claude Code transcripts and 'claude -p' results, Codex rollouts and 'codex exec --json'
streams, Hermes' batch_runner trajectories and its session database ~/.hermes/state.db,
inspect_ai .eval and .json logs; or your own CSV or JSON through a field mapping (--map). The
files of one run (a transcript and its result) make one session. Sessions the store holds
already count once; one with other values replaces the stored one.

Options:
  --since <time>               hermes-db: sessions started at or after this date or time
                               (2026-01-01, 2026-01-01T09:00:00Z)
  --on-invalid <fail|skip>     stop on invalid records and add nothing, or add the valid ones
                               (default: fail)
  -q, --quiet                  no progress bar
${STORE_HELP}
  -h, --help                   show this help

${SOURCE_HELP}

Reading more than a second or two of input shows a progress bar on a terminal (not in CI).

Exit codes: 0 added, 1 invalid input or no such experiment, 2 usage error.`;

export async function addCommand(args: string[], io: StoreIO): Promise<void> {
  const { values, positionals } = parseFlags('add', args, {
    ...SOURCE_FLAGS,
    since: { type: 'string' },
    'on-invalid': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    ...STORE_OPTION,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(ADD_HELP + '\n');
    return;
  }
  const [first, ...inputs] = positionals;
  const id = experimentId(first, 'add');
  const source = await sourceSettings(values, 'add', io.cwd);
  if (inputs.length === 0) {
    throw new UsageError(
      'expected result files or agent logs, directories or globs after the experiment id',
      'add',
    );
  }
  const onInvalid = values['on-invalid'] ?? 'fail';
  if (onInvalid !== 'fail' && onInvalid !== 'skip') {
    throw new UsageError(
      `--on-invalid: expected one of fail, skip, got ${JSON.stringify(onInvalid)}`,
      'add',
    );
  }
  let since: Date | undefined;
  if (values.since !== undefined) {
    if (source.from !== 'hermes-db')
      throw new UsageError('--since goes with --from hermes-db', 'add');
    since = parseSince(values.since);
  }

  const store = openStore(values.store, io, 'add');
  const manifest = await storeErrors(() => store.manifest(id));
  const now = io.now?.() ?? new Date();
  const logs = await readLogs(inputs, id, source, since, io, values.quiet);
  const read = await readResultFiles(logs.recordFiles, id, onInvalid, io, values.quiet, now);
  for (const { record, file } of logs.sessions)
    read.sessions.push(storedSession(record, file, now));
  printWarnings(logs.warnings, io.stderr);
  stopOnProblems([...logs.problems, ...read.problems], onInvalid, io);
  if (read.sessions.length === 0) {
    throw new InputError([
      `ab-verdict: no sessions of experiment ${JSON.stringify(id)} to add${read.why ? ` (${read.why})` : ''}`,
    ]);
  }
  const outcome = await storeErrors(() => store.add(id, read.sessions, now));
  io.stdout(addSummary(id, read.sessions.length, outcome, manifest, store));
}

interface Read {
  sessions: StoredSession[];
  problems: RecordProblem[];
  /** Why nothing was read, when that is so. */
  why?: string;
}

async function readResultFiles(
  patterns: string[],
  id: string,
  onInvalid: 'fail' | 'skip',
  io: StoreIO,
  quiet: boolean | undefined,
  now: Date,
): Promise<Read> {
  const problems: RecordProblem[] = [];
  const files = await findInputFiles(patterns, io.cwd, (pattern, message) =>
    problems.push(inputProblem(pattern, message)),
  );
  const sizes = await Promise.all(files.map((file) => sizeOf(file)));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const bar = progressBar(
    io,
    quiet,
    `Reading ${files.length === 1 ? files[0]!.display : `${files.length} files`}`,
    total,
  );
  const sessions: StoredSession[] = [];
  const others = new Map<string, number>();
  let done = 0;
  try {
    for (const [index, file] of files.entries()) {
      // One file at a time, so that every session names the file it came from.
      const result = await readSessions([file.display], {
        onInvalid,
        experiment: id,
        cwd: io.cwd,
        keepRecords: true,
      });
      problems.push(...result.problems);
      for (const record of result.records ?? []) {
        sessions.push(storedSession(record, file.display, now));
      }
      for (const [experiment, count] of Object.entries(result.otherExperiments)) {
        others.set(experiment, (others.get(experiment) ?? 0) + count);
      }
      done += sizes[index] ?? 0;
      bar.update({ sessions: sessions.length, done, total });
    }
  } finally {
    bar.finish();
  }
  const otherText = [...others].map(([name, count]) => `${name}: ${count}`).join(', ');
  if (others.size > 0 && sessions.length > 0) {
    io.stderr(
      `warning: ${plural(
        [...others.values()].reduce((a, b) => a + b, 0),
        'record',
      )} of other experiments left out (${otherText}); add them to those experiments\n`,
    );
  }
  return {
    sessions,
    problems,
    ...(others.size > 0 && { why: `the files hold records of other experiments: ${otherText}` }),
  };
}

/** The agent logs among the inputs, read with a progress bar; the rest are record files. */
async function readLogs(
  patterns: string[],
  id: string,
  source: SourceSettings,
  since: Date | undefined,
  io: StoreIO,
  quiet: boolean | undefined,
) {
  const bar = progressBar(
    io,
    quiet,
    `Reading ${patterns.length === 1 ? patterns[0] : 'agent logs'}`,
  );
  try {
    return await readInputs(patterns, {
      ...sourceOptions(source, id),
      cwd: io.cwd,
      ...(since && { since }),
      onProgress: (progress) => bar.update(progress),
    });
  } finally {
    bar.finish();
  }
}

/** `2026-01-01` (midnight UTC), `2026-01-01T09:00:00Z`, `2026-01-01 09:00`. */
function parseSince(value: string): Date {
  const text = value.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const time = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(
    text,
  )
    ? Date.parse(dateOnly ? `${text}T00:00:00Z` : text.replace(' ', 'T'))
    : NaN;
  if (Number.isNaN(time)) {
    throw new UsageError(
      `--since: expected a date or a date and time like 2026-01-01 or 2026-01-01T09:00:00Z, got ${JSON.stringify(value)}`,
      'add',
    );
  }
  return new Date(time);
}

async function sizeOf(file: InputFile): Promise<number> {
  try {
    return (await stat(file.absolute)).size;
  } catch {
    return 0; // reading it says why it cannot be read
  }
}

/** What an addition did, in a sentence or three. */
export function addSummary(
  id: string,
  read: number,
  outcome: AddOutcome,
  manifest: Pick<StoreManifest, 'control' | 'treatment'>,
  store: Pick<LocalStore, 'display'>,
): string {
  const parts = [
    `Read ${plural(read, 'session')}: ${plural(outcome.added, 'new one', 'new ones')}`,
  ];
  if (outcome.alreadyStored > 0) parts.push(`${outcome.alreadyStored} stored already`);
  if (outcome.repeated > 0) parts.push(`${outcome.repeated} repeated in the input`);
  const lines = [`${parts.join(', ')}.`];
  if (outcome.conflicts.length > 0) {
    const shown = outcome.conflicts.slice(0, 10).join(', ');
    const more = outcome.conflicts.length > 10 ? `, … (${outcome.conflicts.length} in all)` : '';
    lines.push(
      `${plural(outcome.conflicts.length, 'session')} came with values other than the stored ones; the later record was kept: ${shown}${more}.`,
    );
  }
  const order = [manifest.control ?? 'cold', manifest.treatment ?? 'warm'];
  lines.push(
    `Experiment ${JSON.stringify(id)} in ${store.display} holds ${perVariant(outcome.stored, order)}.`,
  );
  return `${lines.join('\n')}\n`;
}
