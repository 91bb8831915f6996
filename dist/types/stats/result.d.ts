/** A result that could not be computed from the data, with the reason in plain words. */
export interface Unavailable {
    readonly unavailable: string;
}
export type Maybe<T> = T | Unavailable;
export type Interval = [number, number];
export declare function unavailable(reason: string): Unavailable;
export declare function isUnavailable<T>(x: Maybe<T>): x is Unavailable;
