import { readFile } from 'node:fs/promises';
import { describeReadError, stripBom } from '../records/file-text.js';
import { findInputFiles, inputProblem } from '../records/find-input-files.js';
import { readSessions } from '../records/read.js';
import { isSeedTestFile, type SeedTestFile } from '../records/read-seed.js';
import type { RecordProblem } from '../records/types.js';
import type { ExperimentMeta, StoredSession } from '../store/format.js';
import { parseFlags } from './parse-flags.js';
import { stopOnProblems } from './problems-output.js';
import {
  checkId,
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

export const IMPORT_HELP = `Usage: ab-verdict import <files|dirs|globs...> [options]

Import the seed framework's test files ({test_id, task, cold_results, warm_results}, as its
ABTestManager keeps them under ~/.hermes/ab_tests/) into the local store: each file's test_id
becomes an experiment (created if the store does not hold it), its task's description, prompt,
category and difficulty the experiment's, and every result a session, with every field kept.
Importing a file again adds nothing twice.

Options:
  --experiment <id>            import every file into this experiment instead of its test_id
  --on-invalid <fail|skip>     stop on invalid results and import nothing, or import the valid
                               ones (default: fail)
  -q, --quiet                  no progress bar
${STORE_HELP}
  -h, --help                   show this help

Exit codes: 0 imported, 1 invalid input, 2 usage error.`;

interface Target {
  meta: ExperimentMeta;
  createdAt?: string;
  sessions: StoredSession[];
  files: string[];
}

export async function importCommand(args: string[], io: StoreIO): Promise<void> {
  const { values, positionals } = parseFlags('import', args, {
    experiment: { type: 'string' },
    'on-invalid': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    ...STORE_OPTION,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(IMPORT_HELP + '\n');
    return;
  }
  if (positionals.length === 0) {
    throw new UsageError('expected seed test files, directories or globs to import', 'import');
  }
  const onInvalid = values['on-invalid'] ?? 'fail';
  if (onInvalid !== 'fail' && onInvalid !== 'skip') {
    throw new UsageError(
      `--on-invalid: expected one of fail, skip, got ${JSON.stringify(onInvalid)}`,
      'import',
    );
  }
  if (values.experiment !== undefined) checkId(values.experiment, 'import', 'an experiment id');

  const store = openStore(values.store, io, 'import');
  const now = io.now?.() ?? new Date();
  const problems: RecordProblem[] = [];
  const fileProblem = (file: string, message: string) =>
    problems.push({ file, location: '', field: '', message });
  const files = await findInputFiles(positionals, io.cwd, (pattern, message) =>
    problems.push(inputProblem(pattern, message)),
  );
  const targets = new Map<string, Target>();
  const bar = progressBar(
    io,
    values.quiet,
    `Importing ${plural(files.length, 'file')}`,
    files.length,
  );
  let sessionsRead = 0;
  try {
    for (const [index, file] of files.entries()) {
      bar.update({ sessions: sessionsRead, done: index, total: files.length });
      const notSeed = `not a seed test file (expected {test_id, task, cold_results, warm_results}); add result files with 'ab-verdict add <id> ${file.display}'`;
      if (/\.(jsonl|ndjson)$/i.test(file.display)) {
        fileProblem(file.display, notSeed);
        continue;
      }
      let test: unknown;
      try {
        test = JSON.parse(stripBom(await readFile(file.absolute, 'utf8')));
      } catch (error) {
        fileProblem(
          file.display,
          error instanceof SyntaxError
            ? `not valid JSON (${error.message}), expected a seed test file`
            : describeReadError(error),
        );
        continue;
      }
      if (!isSeedTestFile(test)) {
        fileProblem(file.display, notSeed);
        continue;
      }
      const id = values.experiment ?? label(test.test_id);
      if (id === undefined) {
        problems.push({
          file: file.display,
          location: '',
          field: 'test_id',
          message: `expected a non-empty string, got ${JSON.stringify(test.test_id)}`,
        });
        continue;
      }
      try {
        checkId(id, 'import', 'an experiment id');
      } catch (error) {
        problems.push({
          file: file.display,
          location: '',
          field: 'test_id',
          message: (error as Error).message,
        });
        continue;
      }
      const read = await readSessions([file.display], {
        onInvalid,
        cwd: io.cwd,
        keepRecords: true,
      });
      problems.push(...read.problems);
      const target = targets.get(id) ?? { meta: {}, sessions: [], files: [] };
      targets.set(id, target);
      target.files.push(file.display);
      // The first file's description stands; later files fill what it lacks.
      target.meta = { ...seedMeta(test), ...target.meta };
      target.createdAt ??= createdAt(test.created_at);
      for (const record of read.records ?? []) {
        target.sessions.push(storedSession({ ...record, experiment: id }, file.display, now));
      }
      sessionsRead += read.records?.length ?? 0;
    }
  } finally {
    bar.finish();
  }
  stopOnProblems(problems, onInvalid, io);
  if (targets.size === 0) {
    throw new InputError(['ab-verdict: no seed test files to import']);
  }
  const lines: string[] = [];
  for (const [id, target] of targets) {
    const outcome = await storeErrors(() =>
      store.add(id, target.sessions, now, {
        meta: target.meta,
        ...(target.createdAt !== undefined && { createdAt: target.createdAt }),
      }),
    );
    const news = outcome.created ? 'new experiment' : 'experiment';
    const stored = outcome.alreadyStored > 0 ? `, ${outcome.alreadyStored} stored already` : '';
    const conflicts =
      outcome.conflicts.length > 0
        ? `, ${outcome.conflicts.length} replaced with other values (${outcome.conflicts.slice(0, 5).join(', ')})`
        : '';
    lines.push(
      `Imported ${target.files.join(', ')} into ${news} ${JSON.stringify(id)}: ${plural(outcome.added, 'new session')}${stored}${conflicts}; it holds ${perVariant(outcome.stored, [target.meta.control ?? 'cold', target.meta.treatment ?? 'warm'])}.`,
    );
  }
  io.stdout(`${lines.join('\n')}\n`);
}

/** What a seed test file says about its experiment; every field of it kept under `seed`. */
function seedMeta(test: SeedTestFile): ExperimentMeta {
  const fields = Object.fromEntries(
    Object.entries(test).filter(([name]) => name !== 'cold_results' && name !== 'warm_results'),
  );
  const task = isObject(test.task) ? test.task : {};
  const meta: ExperimentMeta = { seed: fields };
  const description = label(task.description) ?? label(test.description);
  if (description !== undefined) meta.description = description;
  const prompt = label(task.prompt);
  if (prompt !== undefined) meta.prompt = prompt;
  const category = label(task.category);
  if (category !== undefined) meta.category = category;
  const difficulty = label(task.difficulty);
  if (difficulty !== undefined) meta.difficulty = difficulty;
  return meta;
}

/** The seed's `created_at` (Python's `isoformat()`, local time) as ISO 8601; else undefined. */
function createdAt(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function label(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
