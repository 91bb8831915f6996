/**
 * The candidate a mistyped `input` most likely meant: the closest by edit distance (ignoring
 * case), when it is within a third of the input's length (at least 2 edits), else undefined.
 */
export declare function closestName(input: string, candidates: Iterable<string>): string | undefined;
/** ` (did you mean "x"?)` for the closest candidate, or nothing when none is close. */
export declare function didYouMean(input: string, candidates: Iterable<string>, quote?: (name: string) => string): string;
