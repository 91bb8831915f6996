import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util's parseArgs, with its errors turned into usage errors that name the command. */
export function parseFlags<T extends Options>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message
      .replace(/^Unknown option '(.+?)'.*$/s, 'unknown option $1')
      .replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(message, command);
  }
}
