import { isAbsolute, relative, resolve } from 'node:path';
import { createProgress, type Progress, type ProgressStream } from './progress.js';
import type { SessionRecord } from '../records/types.js';
import type { Provenance, StoredSession } from '../store/format.js';
import { StoreFolderError } from '../store/dir-store.js';
import { ExperimentExists, ExperimentNotFound, LocalStore } from '../store/local-store.js';
import { LockTimeoutError } from '../store/lock.js';
import type { CommandIO } from './analyze-command.js';
import { InputError, UsageError } from './usage-error.js';

/** The store folder when neither `--store` nor `AB_VERDICT_STORE` names one. */
export const DEFAULT_STORE = '.ab-verdict';

/** What the store commands use beyond `CommandIO`; each defaults to the process's own. */
export interface StoreIO extends CommandIO {
  env?: Readonly<Record<string, string | undefined>>;
  /** Where the progress bar is drawn and `delete` asks: `process.stderr` by default. */
  terminal?: ProgressStream & { isTTY?: boolean };
  /** Asks a yes/no question; undefined when no one can answer (not on a terminal). */
  confirm?: (question: string) => Promise<boolean> | undefined;
  /** The clock. */
  now?: () => Date;
}

/** `--store`, accepted by every store command. */
export const STORE_OPTION = { store: { type: 'string' } } as const;

export const STORE_HELP =
  '  --store <dir>                the store folder (default: $AB_VERDICT_STORE, else .ab-verdict)';

/** The local store the flags and environment name, relative to the working folder. */
export function openStore(flag: string | undefined, io: StoreIO, command: string): LocalStore {
  const env = io.env ?? process.env;
  if (flag !== undefined && flag.trim() === '') {
    throw new UsageError('--store: expected a folder, got ""', command);
  }
  const given = flag ?? (env.AB_VERDICT_STORE?.trim() || DEFAULT_STORE);
  const root = resolve(io.cwd, given);
  const waitSeconds = Number(env.AB_VERDICT_LOCK_WAIT);
  return new LocalStore(root, {
    display: displayPath(root, io.cwd),
    lock: {
      ...(Number.isFinite(waitSeconds) && waitSeconds >= 0 && env.AB_VERDICT_LOCK_WAIT?.trim()
        ? { waitMs: waitSeconds * 1000 }
        : {}),
      notice: (message) => io.stderr(`ab-verdict: ${message}\n`),
    },
  });
}

/** A path as people read it: relative to the working folder when inside it. */
export function displayPath(path: string, cwd: string): string {
  const inside = relative(cwd, path);
  return inside === '' ? '.' : inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}

/**
 * The experiment id a command was given: printable, without leading or trailing spaces, at most
 * 200 characters (the folder name is derived from it by `experimentSlug`).
 */
export function experimentId(value: string | undefined, command: string): string {
  if (value === undefined) {
    throw new UsageError(`expected an experiment id (see 'ab-verdict list')`, command);
  }
  checkId(value, command, 'an experiment id');
  return value;
}

export function checkId(value: string, command: string, what: string): void {
  // eslint-disable-next-line no-control-regex
  const unprintable = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value);
  if (value.trim() === '' || value !== value.trim() || unprintable || value.length > 200) {
    throw new UsageError(
      `expected ${what}: printable characters, not empty, without leading or trailing spaces, at most 200, got ${JSON.stringify(value)}`,
      command,
    );
  }
}

/** Extra positional arguments are a mistake worth naming. */
export function noMoreArguments(
  extra: string[],
  command: string,
  takes = 'one experiment id',
): void {
  if (extra.length > 0) {
    throw new UsageError(
      `unexpected argument ${JSON.stringify(extra[0])}: ${command} takes ${takes}`,
      command,
    );
  }
}

/**
 * Runs a store command's work, turning the store's refusals into input errors (exit code 1) with
 * their message: a missing or existing experiment, an unreadable store, a lock held too long.
 */
export async function storeErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (
      error instanceof ExperimentNotFound ||
      error instanceof ExperimentExists ||
      error instanceof StoreFolderError ||
      error instanceof LockTimeoutError
    ) {
      throw new InputError([`ab-verdict: ${error.message}`]);
    }
    const failure = error as NodeJS.ErrnoException;
    if (typeof failure.code === 'string' && typeof failure.syscall === 'string') {
      // The file system said no: a store folder that is a file, read-only, full.
      throw new InputError([`ab-verdict: the store cannot be used: ${failure.message}`]);
    }
    throw error;
  }
}

/** A progress bar on the terminal (stderr), silent with `--quiet`, in CI and off a terminal. */
export function progressBar(
  io: StoreIO,
  quiet: boolean | undefined,
  label: string,
  total?: number,
): Progress {
  const terminal = io.terminal ?? process.stderr;
  const env = io.env ?? process.env;
  // For tests of the bar through the CLI: how long work runs before the bar shows.
  const delay = Number(env.AB_VERDICT_PROGRESS_DELAY_MS);
  return createProgress({
    label,
    total,
    // A terminal that does not know its width says 0 columns: the bar's default (80) fits better.
    stream: { write: (text) => terminal.write(text), columns: terminal.columns || undefined },
    quiet: quiet === true,
    isTTY: terminal.isTTY === true,
    env,
    ...(env.AB_VERDICT_PROGRESS_DELAY_MS?.trim() && Number.isFinite(delay) && { delayMs: delay }),
  });
}

/** A session added from the command line: no run, attempt or commit; now; where it came from. */
export function storedSession(record: SessionRecord, source: string, now: Date): StoredSession {
  const provenance: Provenance = {
    runId: null,
    attempt: null,
    commit: null,
    time: now.toISOString(),
    source,
  };
  return { record, provenance };
}

/** `cold 3, warm 2`, variants in the order given first, then the others by name. */
export function perVariant(counts: Record<string, number>, first: string[] = []): string {
  const names = Object.keys(counts);
  const ordered = [
    ...first.filter((name) => names.includes(name)),
    ...names.filter((name) => !first.includes(name)).sort(),
  ];
  return ordered.length === 0
    ? 'none'
    : ordered.map((name) => `${name} ${counts[name]}`).join(', ');
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? word : many}`;
}

/** Parses a whole number flag: `--tool-calls: expected a whole number >= 0, got "five"`. */
export function wholeNumber(
  flag: string,
  value: string | undefined,
  problems: string[],
): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n)) {
    problems.push(`--${flag}: expected a whole number >= 0, got ${JSON.stringify(value)}`);
    return undefined;
  }
  return n;
}

/** Parses a number flag >= 0: `--completion-time: expected a number of seconds >= 0, got "x"`. */
export function nonNegative(
  flag: string,
  value: string | undefined,
  what: string,
  problems: string[],
): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  const n = Number(text);
  if (!/^\+?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) || !Number.isFinite(n)) {
    problems.push(`--${flag}: expected ${what} >= 0, got ${JSON.stringify(value)}`);
    return undefined;
  }
  return n;
}

/** Several problems with the command line at once: one usage error, one line each. */
export function stopOnUsageProblems(problems: string[], command: string): void {
  if (problems.length > 0) throw new UsageError(problems.join('\nab-verdict: '), command);
}
