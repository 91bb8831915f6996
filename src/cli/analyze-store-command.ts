import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../analysis/analyze.js';
import { parseInputs } from '../config/parse-inputs.js';
import { looksOf } from '../report/history.js';
import { ANALYSIS_FLAGS, analysisInputs, renderReport, writeHtml } from './analysis-flags.js';
import { withDuplicates } from '../store/store-table.js';
import { ANALYZE_HELP, analyzeCommand } from './analyze-command.js';
import { parseFlags } from './parse-flags.js';
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
An argument that is a file, a folder or a glob is read as result files, as above; give
--store to analyse the experiment of that name even so.

${STORE_HELP}`;

/** The options of `analyze <id>`: those of `analyze <files>`, the store instead of the filters. */
const OPTIONS = { ...ANALYSIS_FLAGS, store: { type: 'string' } } as const;

/**
 * `ab-verdict analyze`: an experiment of the local store when its one argument is no file,
 * folder or glob and the store exists (or `--store` is given); else result files, as before.
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
  if (isStoreAnalysis(loose.positionals, loose.values.store, io)) {
    await analyzeStoreCommand(args, io);
  } else {
    await analyzeCommand(args, io);
  }
}

function isStoreAnalysis(
  positionals: string[],
  storeFlag: string | boolean | undefined,
  io: StoreIO,
): boolean {
  if (storeFlag !== undefined) return true;
  if (positionals.length !== 1) return false;
  const [name] = positionals as [string];
  if (/[*?[\]{}]/.test(name) || /\.(json|jsonl|ndjson)$/i.test(name)) return false;
  if (existsSync(resolve(io.cwd, name))) return false;
  const env = io.env ?? process.env;
  return existsSync(resolve(io.cwd, env.AB_VERDICT_STORE?.trim() || DEFAULT_STORE));
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
