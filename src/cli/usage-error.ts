/** A mistake in the command line: printed with the command's usage hint, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Input that cannot be analysed (invalid records, unreadable files): exit code 1. */
export class InputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'InputError';
  }
}

export const EXIT = { ok: 0, invalidInput: 1, usage: 2, internal: 3 } as const;
