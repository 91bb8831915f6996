/** A linear scale from data values to pixels, with round tick values that cover the domain. */
export interface Scale {
    at: (value: number) => number;
    ticks: number[];
    min: number;
    max: number;
}
/**
 * The domain widened to round numbers (1, 2 or 5 × 10^n steps, about `count` of them) and mapped
 * onto [from, to] pixels.
 */
export declare function linearScale(min: number, max: number, from: number, to: number, count?: number): Scale;
