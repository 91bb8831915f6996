import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../analysis/analyze.js';
import { parseInputs, type RawInputs } from '../config/parse-inputs.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderTerminal } from '../report/terminal.js';
import { storeTable } from '../store/store-table.js';
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
import { UsageError } from './usage-error.js';

export const ANALYZE_STORE_HELP = `Usage: ab-verdict analyze <id> [options]

Analyse an experiment of the local store (see 'ab-verdict create'), with the options above
but --experiment and --on-invalid; --control and --treatment default to the experiment's own.
An argument that is a file, a folder or a glob is read as result files, as above; give
--store to analyse the experiment of that name even so.

${STORE_HELP}`;

/** The options of `analyze <id>`: those of `analyze <files>`, the store instead of the filters. */
const OPTIONS = {
  control: { type: 'string' },
  treatment: { type: 'string' },
  primary: { type: 'string' },
  alpha: { type: 'string' },
  'min-effect': { type: 'string' },
  'equivalence-margin': { type: 'string' },
  'expected-split': { type: 'string' },
  correction: { type: 'string' },
  method: { type: 'string' },
  'expected-sessions': { type: 'string' },
  segments: { type: 'string' },
  cap: { type: 'string' },
  'chance-to-beat': { type: 'boolean' },
  metrics: { type: 'string' },
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
  store: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

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
  if (values.json && values.markdown) {
    throw new UsageError('choose one of --json and --markdown', 'analyze');
  }
  const raw: RawInputs = {
    experiment: id,
    control: values.control,
    treatment: values.treatment,
    primary: values.primary,
    alpha: values.alpha,
    minEffect: values['min-effect'],
    equivalenceMargin: values['equivalence-margin'],
    expectedSplit: values['expected-split'],
    correction: values.correction,
    method: values.method,
    expectedSessions: values['expected-sessions'],
    segments: values.segments,
    capPercentile: values.cap,
    chanceToBeat: values['chance-to-beat'] ? 'true' : undefined,
    metrics: values.metrics === undefined ? undefined : await metricsBlock(values.metrics, io.cwd),
  };
  const store = openStore(values.store, io, 'analyze');
  // The manifest alone first: mistakes in the options are found before a large store is read.
  const manifest = await storeErrors(() => store.manifest(id));
  const config = parseInputs({
    ...raw,
    control: raw.control ?? manifest.control,
    treatment: raw.treatment ?? manifest.treatment,
  });
  const experiment = await storeErrors(() => store.get(id));
  warnOfProblems(experiment, io);
  const { sessions } = experiment.snapshot;
  const report = analyze(
    storeTable(sessions, { identical: 0, conflicting: 0, conflictingIds: [] }),
    config,
    {
      files: [displayPath(experiment.folder, io.cwd)],
      recordsRead: sessions.length,
      skippedInvalid: 0,
      otherExperiments: {},
    },
  );
  io.stdout(
    values.json
      ? renderJson(report)
      : values.markdown
        ? renderMarkdown(report)
        : renderTerminal(report),
  );
}

/** `--metrics` takes JSON inline or the path of a JSON file, as in `analyze <files>`. */
async function metricsBlock(value: string, cwd: string): Promise<RawInputs['metrics']> {
  if (value.trim().startsWith('{')) return { text: value, origin: 'inline' };
  try {
    return { text: await readFile(resolve(cwd, value), 'utf8'), origin: value };
  } catch (error) {
    throw new UsageError(
      `--metrics: expected JSON or the path of a JSON file, cannot read ${JSON.stringify(value)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      'analyze',
    );
  }
}
