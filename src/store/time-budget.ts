/** Time a step may take before it gives up, and what it says then. */
export class TimeBudgetExceeded extends Error {
  constructor(
    readonly what: string,
    readonly ms: number,
  ) {
    super(`${what} took longer than its time budget of ${seconds(ms)}`);
    this.name = 'TimeBudgetExceeded';
  }
}

/**
 * A signal that aborts after `ms` with a TimeBudgetExceeded naming `what`, and when `parent`
 * aborts (with the parent's reason). The timer does not keep the process alive.
 */
export function timeBudget(ms: number, what: string, parent?: AbortSignal): AbortSignal {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TimeBudgetExceeded(what, ms)), ms);
  timer.unref();
  if (parent) {
    if (parent.aborted) controller.abort(parent.reason);
    else parent.addEventListener('abort', () => controller.abort(parent.reason), { once: true });
  }
  controller.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return controller.signal;
}

/** The budget that ran out, when `error` is a signal's abort for one. */
export function budgetOf(error: unknown, signal?: AbortSignal): TimeBudgetExceeded | undefined {
  if (error instanceof TimeBudgetExceeded) return error;
  const reason: unknown = signal?.aborted ? signal.reason : undefined;
  return reason instanceof TimeBudgetExceeded ? reason : undefined;
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms / 1000)} s`;
}
