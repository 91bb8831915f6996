/** Where a progress bar is drawn: `process.stderr`, or a fake in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  /** Width of the terminal; 80 when unknown. */
  columns?: number;
}

export interface ProgressOptions {
  /** What is being done, e.g. `Reading state.db`. */
  label: string;
  /** Units of work in all (bytes, sessions), when known from the start. */
  total?: number;
  stream: ProgressStream;
  /** `--quiet`: never draw. */
  quiet?: boolean;
  /** Whether `stream` is a terminal (`process.stderr.isTTY`); nothing is drawn elsewhere. */
  isTTY?: boolean;
  /** The environment: nothing is drawn in CI (`CI` set) or on a dumb terminal. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The clock, in milliseconds. */
  now?: () => number;
  /** Quick work prints nothing: the bar first shows this long after the start. */
  delayMs?: number;
  /** The bar is redrawn at most this often. */
  intervalMs?: number;
}

/** How far the work has come; `done` and `total` in the same units, e.g. bytes. */
export interface ProgressUpdate {
  sessions: number;
  done?: number;
  total?: number;
}

export interface Progress {
  update(progress: ProgressUpdate): void;
  /** Clears the bar, if it was drawn. Later updates are ignored. */
  finish(): void;
}

const DELAY_MS = 1500;
const INTERVAL_MS = 100;
const BAR_WIDTH = 20;
const DEFAULT_COLUMNS = 80;
const CLEAR_LINE = '\r\x1b[K';

/**
 * A one-line progress bar for long reads: `Reading state.db [#####.....] 52% 1,234 sessions
 * 310/s 12s left`. It shows only on a terminal, outside CI and without `quiet`; only once the
 * work has taken `delayMs`; at most every `intervalMs`; and is cleared at the end.
 */
export function createProgress(options: ProgressOptions): Progress {
  if (!shouldDraw(options)) return { update() {}, finish() {} };
  const now = options.now ?? (() => performance.now());
  const delay = options.delayMs ?? DELAY_MS;
  const interval = options.intervalMs ?? INTERVAL_MS;
  const start = now();
  let drawnAt: number | undefined;
  let finished = false;
  return {
    update(progress) {
      if (finished) return;
      const time = now();
      if (time - start < delay) return;
      if (drawnAt !== undefined && time - drawnAt < interval) return;
      drawnAt = time;
      const line = progressLine(options.label, progress, options.total, (time - start) / 1000);
      const width = (options.stream.columns ?? DEFAULT_COLUMNS) - 1;
      options.stream.write(`\r${line.slice(0, Math.max(width, 0))}\x1b[K`);
    },
    finish() {
      if (!finished && drawnAt !== undefined) options.stream.write(CLEAR_LINE);
      finished = true;
    },
  };
}

/** Whether a bar is drawn: on a terminal, outside CI, on a terminal that is not dumb, unless quiet. */
export function shouldDraw(options: Pick<ProgressOptions, 'quiet' | 'isTTY' | 'env'>): boolean {
  const env = options.env ?? {};
  const ci = env.CI !== undefined && !['', '0', 'false'].includes(env.CI.toLowerCase());
  return options.quiet !== true && options.isTTY === true && !ci && env.TERM !== 'dumb';
}

/** The text of the bar after `seconds` of work. */
export function progressLine(
  label: string,
  progress: ProgressUpdate,
  defaultTotal: number | undefined,
  seconds: number,
): string {
  const parts = [label];
  const total = progress.total ?? defaultTotal;
  const done = progress.done ?? progress.sessions;
  const fraction =
    total !== undefined && total > 0 ? Math.min(Math.max(done / total, 0), 1) : undefined;
  if (fraction !== undefined) {
    const filled = Math.round(fraction * BAR_WIDTH);
    parts.push(`[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`);
    parts.push(`${Math.floor(fraction * 100)}%`);
  }
  const sessions = progress.sessions;
  parts.push(`${count(sessions)} session${sessions === 1 ? '' : 's'}`);
  if (seconds > 0) {
    const rate = sessions / seconds;
    parts.push(`${rate < 10 ? rate.toFixed(1) : count(Math.round(rate))}/s`);
  }
  if (fraction !== undefined && fraction > 0 && fraction < 1) {
    parts.push(`${duration((seconds * (1 - fraction)) / fraction)} left`);
  }
  return parts.join('  ');
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** `12s`, `3m 05s`, `1h 02m`. */
function duration(seconds: number): string {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole}s`;
  const pad = (value: number) => String(value).padStart(2, '0');
  if (whole < 3600) return `${Math.floor(whole / 60)}m ${pad(whole % 60)}s`;
  return `${Math.floor(whole / 3600)}h ${pad(Math.floor(whole / 60) % 60)}m`;
}
