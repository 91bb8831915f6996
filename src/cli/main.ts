import { ConfigError } from '../config/parse-inputs.js';
import { analyzeCommand, type CommandIO } from './analyze-command.js';
import { planCommand } from './plan-command.js';
import { VERSION } from '../version.js';
import { EXIT, InputError, UsageError } from './usage-error.js';

export const MAIN_HELP = `Usage: ab-verdict <command> [options]

Statistically sound A/B verdicts for AI-agent sessions.

Commands:
  analyze <files...>   compare control and treatment sessions and print the verdict
  plan                 how many sessions you need, for a table of effect sizes

Run 'ab-verdict <command> --help' for a command's options.

Options:
  -h, --help           show this help
  -v, --version        print the version`;

const COMMANDS: Record<string, (args: string[], io: CommandIO) => Promise<void>> = {
  analyze: analyzeCommand,
  plan: planCommand,
};

/** Runs one command line; returns the exit code. Never throws for a user's mistake. */
export async function main(argv: string[], io: CommandIO): Promise<number> {
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
    if (!run) throw new UsageError(`unknown command ${JSON.stringify(command)}`);
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
