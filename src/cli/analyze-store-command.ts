import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../analysis/analyze.js';
import { checkArmsPresent } from '../analysis/arms-present.js';
import { parseInputs } from '../config/parse-inputs.js';
import { looksOf } from '../report/history.js';
import { ANALYSIS_FLAGS, analysisInputs, renderReport, writeHtml } from './analysis-flags.js';
import { withDuplicates } from '../store/store-table.js';
import { ANALYZE_HELP, analyzeCommand } from './analyze-command.js';
import { parseFlags } from './parse-flags.js';
import { InputError } from './usage-error.js';
import type { LocalStore } from '../store/local-store.js';
import { warnOfProblems } from './show-command.js';
import {
  DEFAULT_STORE,
  displayPath,
  experimentId,
  noMoreArguments,
  openStore,
  STORE_HELP,
  storeErrors,
  type StoreIO,
} from './store-command.js';

export const ANALYZE_STORE_HELP = `Usage: ab-verdict analyze <id> [options]

Analyse an experiment of the local store (see 'ab-verdict create'), with the options above
but --experiment and --on-invalid; --control and --treatment default to the experiment's own.

Files or an experiment: the arguments are read as files, folders and globs, unless there is one
argument, no file or folder has that name, and the store holds an experiment of that id. With
--store <dir> the one argument is always an experiment id. So a missing file is reported as
missing, whether or not a store exists.

${STORE_HELP}`;

/** The options of `analyze <id>`: those of `analyze <files>`, the store instead of the filters. */
const OPTIONS = { ...ANALYSIS_FLAGS, store: { type: 'string' } } as const;

/**
 * `ab-verdict analyze`: an experiment of the local store (the rule in ANALYZE_STORE_HELP), else
 * result files. A one-word argument that is neither says so about both.
 */
export async function analyzeDispatch(args: string[], io: StoreIO): Promise<void> {
  const loose = parseArgs({
    args,
    options: { ...OPTIONS, experiment: { type: 'string' }, 'on-invalid': { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  if (loose.values.help) {
    io.stdout(`${ANALYZE_HELP}\n\n${ANALYZE_STORE_HELP}\n`);
    return;
  }
  if (loose.values.store !== undefined) return analyzeStoreCommand(args, io);
  const candidate = storeCandidate(loose.positionals, io);
  const store = candidate === undefined ? undefined : openStore(undefined, io, 'analyze');
  if (candidate !== undefined && (await holds(store!, candidate))) {
    return analyzeStoreCommand(args, io);
  }
  try {
    await analyzeCommand(args, io);
  } catch (error) {
    if (!(error instanceof InputError) || candidate === undefined) throw error;
    const ids = await store!.ids().catch(() => []);
    throw new InputError([
      ...error.lines,
      `(nor is ${JSON.stringify(candidate)} an experiment of the store ${store!.display}${ids.length > 0 ? `, which holds ${ids.join(', ')}` : ''})`,
    ]);
  }
}

/** The one argument that could name a store experiment: no file, folder or glob, and a store exists. */
function storeCandidate(positionals: string[], io: StoreIO): string | undefined {
  if (positionals.length !== 1) return undefined;
  const [name] = positionals as [string];
  if (/[\\/]$/.test(name) || /[*?[\]{}]/.test(name) || /\.(json|jsonl|ndjson)$/i.test(name))
    return undefined;
  if (existsSync(resolve(io.cwd, name))) return undefined;
  const env = io.env ?? process.env;
  return existsSync(resolve(io.cwd, env.AB_VERDICT_STORE?.trim() || DEFAULT_STORE))
    ? name
    : undefined;
}

async function holds(store: LocalStore, id: string): Promise<boolean> {
  try {
    return await store.has(id);
  } catch {
    return false; // An unreadable store: the argument is read as files, and the store not used.
  }
}

export async function analyzeStoreCommand(args: string[], io: StoreIO): Promise<void> {
  const { values, positionals } = parseFlags('analyze', args, OPTIONS);
  const [first, ...extra] = positionals;
  const id = experimentId(first, 'analyze');
  noMoreArguments(extra, 'analyze');
  const raw = { ...(await analysisInputs(values, io.cwd)), experiment: id };
  const store = openStore(values.store, io, 'analyze');
  // The manifest alone first: mistakes in the options are found before a large store is read.
  const manifest = await storeErrors(() => store.manifest(id));
  const config = parseInputs({
    ...raw,
    control: raw.control ?? manifest.control,
    treatment: raw.treatment ?? manifest.treatment,
  });
  // Streamed into the table: a store of millions of sessions is never held as objects.
  const experiment = await storeErrors(() => store.table(id, config.segments));
  warnOfProblems(experiment, io);
  const { table } = experiment;
  checkArmsPresent(table, config, {});
  const report = analyze(
    withDuplicates(table, { identical: 0, conflicting: 0, conflictingIds: [] }),
    config,
    {
      files: [displayPath(experiment.folder, io.cwd)],
      recordsRead: table.size,
      skippedInvalid: 0,
      otherExperiments: {},
    },
    // The looks the store remembers (the Action's runs) set the sequential boundary.
    { priorLooks: looksOf(manifest.history ?? []) },
  );
  await writeHtml(report, values, io.cwd);
  io.stdout(renderReport(report, values));
}
