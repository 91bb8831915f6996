/**
 * A value as compact JSON for a message, cut to about 40 characters. Never serialises more than
 * it shows, so a huge or 100,000-deep value costs as little as a small one.
 */
export declare function describeValue(value: unknown): string;
/** The kind of a JSON value in plain words: `an array`, `a string`, `null`, … */
export declare function kindOf(value: unknown): string;
