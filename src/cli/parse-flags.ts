import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from '../config/did-you-mean.js';
import { UsageError } from './usage-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util's parseArgs, with its errors turned into usage errors that name the command. */
export function parseFlags<T extends Options>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message
      .replace(/^Unknown option '(.+?)'.*$/s, (_, flag: string) => unknownOption(flag, options))
      .replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(message, command);
  }
}

/** `unknown option --jsn (did you mean --json?)`. */
function unknownOption(flag: string, options: Options): string {
  const flags = Object.keys(options).map((name) => `--${name}`);
  return `unknown option ${flag}${didYouMean(flag, flags, (name) => name)}`;
}
