import { analyze } from '../analysis/analyze.js';
import type { Report } from '../analysis/report-types.js';
import { ConfigError, parseInputs } from '../config/parse-inputs.js';
import { alignColumns } from '../report/align-columns.js';
import { countByVariant, type LoadedExperiment } from '../store/local-store.js';
import { storeTable } from '../store/store-table.js';
import { parseFlags } from './parse-flags.js';
import { oneLine, variantsOf } from './show-command.js';
import {
  noMoreArguments,
  openStore,
  perVariant,
  STORE_HELP,
  STORE_OPTION,
  storeErrors,
  type StoreIO,
} from './store-command.js';

export const LIST_HELP = `Usage: ab-verdict list [options]

List the experiments of the local store: each one's description, sessions per variant, last
update and current verdict (as 'ab-verdict analyze <id>' gives it with its default options).

Options:
  --json                       print the list as JSON
${STORE_HELP}
  -h, --help                   show this help

Exit codes: 0 done, 1 an unreadable store, 2 usage error.`;

const DESCRIPTION_WIDTH = 48;

export async function listCommand(args: string[], io: StoreIO): Promise<void> {
  const { values, positionals } = parseFlags('list', args, {
    json: { type: 'boolean' },
    ...STORE_OPTION,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(LIST_HELP + '\n');
    return;
  }
  noMoreArguments(positionals, 'list', 'no arguments');
  const store = openStore(values.store, io, 'list');
  const folders = await storeErrors(() => store.list());

  const rows = folders.map((entry) =>
    'problem' in entry
      ? { folder: entry.folder, problem: entry.problem }
      : {
          folder: entry.folder,
          experiment: entry.experiment,
          verdict: verdictOf(entry.experiment),
        },
  );
  if (values.json) {
    const listed = rows.map((row) => {
      if (!('experiment' in row) || !row.experiment)
        return { folder: row.folder, problem: row.problem };
      const { manifest, sessions } = row.experiment.snapshot;
      const fields = Object.fromEntries(
        Object.entries(manifest).filter(([name]) => name !== 'history'),
      );
      return {
        ...fields,
        folder: row.folder,
        sessions: countByVariant(sessions),
        verdict: row.verdict ? recommendation(row.verdict) : null,
      };
    });
    io.stdout(`${JSON.stringify(listed, null, 2)}\n`);
    return;
  }
  if (rows.length === 0) {
    io.stdout(
      `No experiments in ${store.display} yet. Create one with 'ab-verdict create <id> --description <text>', or import seed test files with 'ab-verdict import <files>'.\n`,
    );
    return;
  }
  const table = [['experiment', 'description', 'sessions', 'updated (UTC)', 'verdict']];
  for (const row of rows) {
    if (!('experiment' in row) || !row.experiment) {
      table.push([row.folder, `unreadable: ${row.problem}`, '', '', '']);
      continue;
    }
    const { experiment, verdict } = row;
    const { manifest, sessions } = experiment.snapshot;
    const { control, treatment } = variantsOf(experiment);
    table.push([
      oneLine(experiment.id),
      shorten(oneLine(manifest.description ?? ''), DESCRIPTION_WIDTH),
      perVariant(countByVariant(sessions), [control, treatment]),
      manifest.updatedAt.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ''),
      verdict ? verdictText(verdict) : '—',
    ]);
  }
  io.stdout(`${alignColumns(table).join('\n')}\n`);
}

/** The verdict `analyze <id>` gives with its defaults; undefined when it cannot be computed. */
export function verdictOf(experiment: LoadedExperiment): Report | undefined {
  const { control, treatment } = variantsOf(experiment);
  try {
    const config = parseInputs({ experiment: experiment.id, control, treatment });
    const { sessions } = experiment.snapshot;
    return analyze(
      storeTable(sessions, { identical: 0, conflicting: 0, conflictingIds: [] }),
      config,
      {
        files: [experiment.folder],
        recordsRead: sessions.length,
        skippedInvalid: 0,
        otherExperiments: {},
      },
    );
  } catch (error) {
    if (error instanceof ConfigError) return undefined;
    throw error;
  }
}

function recommendation(report: Report): Report['recommendation'] {
  return report.recommendation;
}

function verdictText(report: Report): string {
  const { verdict, winner } = report.recommendation;
  return winner ? `${verdict} ${winner}` : verdict;
}

function shorten(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}
