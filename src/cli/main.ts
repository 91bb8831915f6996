import { didYouMean } from '../config/did-you-mean.js';
import { ConfigError } from '../config/parse-inputs.js';
import type { CommandIO } from './analyze-command.js';
import type { StoreIO } from './store-command.js';
import { addCommand } from './add-command.js';
import { addResultCommand } from './add-result-command.js';
import { analyzeDispatch } from './analyze-store-command.js';
import { createCommand } from './create-command.js';
import { deleteCommand } from './delete-command.js';
import { exportCommand } from './export-command.js';
import { importCommand } from './import-command.js';
import { listCommand } from './list-command.js';
import { planCommand } from './plan-command.js';
import { runCommand } from './run-command.js';
import { showCommand } from './show-command.js';
import { VERSION } from '../version.js';
import { EXIT, InputError, UsageError } from './usage-error.js';

export const MAIN_HELP = `Usage: ab-verdict <command> [options]

Statistically sound A/B verdicts for AI-agent sessions.

Commands:
  analyze <files...>   compare control and treatment sessions and print the verdict
  plan                 how many sessions you need, for a table of effect sizes
  run <experiment.yml> run the experiment (--out <dir>): every task in both variants, seeded
                       and interleaved, resumable, sharded with --shard i/n

The local store (.ab-verdict/, or --store / AB_VERDICT_STORE):
  create <id>          create an experiment: --description, --prompt, --category, --difficulty
  list                 the experiments, with sessions per variant, last update and verdict
  show <id>            an experiment and its sessions, per variant success and error rate
  add-result <id>      add one session's result from flags (--variant, --session-id, ...)
  add <id> <files...>  add sessions from result files, or from Hermes logs (--from hermes-batch,
                       --from hermes-db)
  import <files...>    import the seed framework's test files (~/.hermes/ab_tests/*.json)
  analyze <id>         the full analysis of an experiment of the store
  export <id>          print an experiment's sessions as JSON Lines
  delete <id>          delete an experiment (asks first, or --yes)

Run 'ab-verdict <command> --help' for a command's options.

Options:
  -h, --help           show this help
  -v, --version        print the version`;

const COMMANDS: Record<string, (args: string[], io: CommandIO) => Promise<void>> = {
  // `analyze <files>`, or `analyze <id>` for an experiment of the local store.
  analyze: analyzeDispatch,
  plan: planCommand,
  run: runCommand,
  create: createCommand,
  list: listCommand,
  show: showCommand,
  'add-result': addResultCommand,
  add: addCommand,
  import: importCommand,
  export: exportCommand,
  delete: deleteCommand,
};

/** Runs one command line; returns the exit code. Never throws for a user's mistake. */
export async function main(argv: string[], io: StoreIO): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.stdout(MAIN_HELP + '\n');
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === '-v' || command === '--version') {
      io.stdout(`${VERSION}\n`);
      return EXIT.ok;
    }
    const run = COMMANDS[command];
    if (!run) {
      const hint = didYouMean(command, Object.keys(COMMANDS));
      throw new UsageError(`unknown command ${JSON.stringify(command)}${hint}`);
    }
    await run(args, io);
    return EXIT.ok;
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CommandIO): number {
  if (error instanceof UsageError) {
    const hint = error.command ? `ab-verdict ${error.command} --help` : 'ab-verdict --help';
    io.stderr(`ab-verdict: ${error.message}\nRun '${hint}' for usage.\n`);
    return EXIT.usage;
  }
  if (error instanceof ConfigError) {
    io.stderr(error.messages.map((m) => `ab-verdict: ${m}`).join('\n') + '\n');
    return EXIT.usage;
  }
  if (error instanceof InputError) {
    io.stderr(error.lines.join('\n') + '\n');
    return EXIT.invalidInput;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr(`ab-verdict: internal error, please report it with this output:\n${detail}\n`);
  return EXIT.internal;
}
