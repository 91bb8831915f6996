/** Small checks of JSON values that every format's reader uses. */

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** A string field, or undefined when absent or not a string. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** An ISO 8601 time as epoch milliseconds, or undefined. */
export function timeOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

/** The smallest and largest times seen, for a session's start, end and span. */
export class TimeSpan {
  first: number | undefined;
  last: number | undefined;

  add(time: number | undefined): void {
    if (time === undefined) return;
    if (this.first === undefined || time < this.first) this.first = time;
    if (this.last === undefined || time > this.last) this.last = time;
  }

  /** `start_time`, `end_time` and, when asked, `completion_time_seconds` of the span. */
  fields(withDuration: boolean): Record<string, unknown> {
    if (this.first === undefined || this.last === undefined) return {};
    return {
      start_time: new Date(this.first).toISOString(),
      end_time: new Date(this.last).toISOString(),
      ...(withDuration && { completion_time_seconds: (this.last - this.first) / 1000 }),
    };
  }
}
