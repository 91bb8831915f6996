/** A problem the user can fix (input, results, permissions): its message is shown, never a stack. */
export class StepError extends Error {
  constructor(
    message: string,
    /** The HTTP status behind it, when GitHub answered with one. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'StepError';
  }
}
