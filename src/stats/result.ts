/** A result that could not be computed from the data, with the reason in plain words. */
export interface Unavailable {
  readonly unavailable: string;
}

export type Maybe<T> = T | Unavailable;

export type Interval = [number, number];

export function unavailable(reason: string): Unavailable {
  return { unavailable: reason };
}

export function isUnavailable<T>(x: Maybe<T>): x is Unavailable {
  return typeof x === 'object' && x !== null && 'unavailable' in x;
}
