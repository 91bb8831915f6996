import { createInterface } from 'node:readline/promises';
import { parseFlags } from './parse-flags.js';
import {
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

export const DELETE_HELP = `Usage: ab-verdict delete <id> [--yes]

Delete an experiment and all its sessions from the local store. Asks first on a terminal;
elsewhere (a script, CI) it deletes only with --yes. Consider 'ab-verdict export <id>' first.

Options:
  -y, --yes                    delete without asking
${STORE_HELP}
  -h, --help                   show this help

Exit codes: 0 deleted, 1 no such experiment, 2 usage error or not confirmed.`;

export async function deleteCommand(args: string[], io: StoreIO): Promise<void> {
  const { values, positionals } = parseFlags('delete', args, {
    yes: { type: 'boolean', short: 'y' },
    ...STORE_OPTION,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(DELETE_HELP + '\n');
    return;
  }
  const [first, ...extra] = positionals;
  const id = experimentId(first, 'delete');
  noMoreArguments(extra, 'delete');
  const store = openStore(values.store, io, 'delete');
  const experiment = await storeErrors(() => store.get(id));
  const count = experiment.snapshot.sessions.length;
  if (!values.yes) {
    const question = `Delete experiment ${JSON.stringify(id)} and its ${plural(count, 'session')} from ${store.display}? [y/N] `;
    const answer = (io.confirm ?? askOnTerminal)(question);
    if (answer === undefined) {
      throw new UsageError(
        `not deleting experiment ${JSON.stringify(id)} without confirmation: no terminal to ask on. Pass --yes to delete it`,
        'delete',
      );
    }
    if (!(await answer)) {
      io.stdout('Not deleted.\n');
      return;
    }
  }
  const deleted = await storeErrors(() => store.delete(id));
  io.stdout(
    `Deleted experiment ${JSON.stringify(id)} (${plural(deleted.snapshot.sessions.length, 'session')}) from ${store.display}.\n`,
  );
}

/** A yes/no question on the terminal; undefined when stdin or stderr is not one. */
function askOnTerminal(question: string): Promise<boolean> | undefined {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  return terminal
    .question(question)
    .then((answer) => /^y(es)?$/i.test(answer.trim()))
    .finally(() => terminal.close());
}
