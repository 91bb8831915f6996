import { distance } from 'fastest-levenshtein';

/**
 * The candidate a mistyped `input` most likely meant: the closest by edit distance (ignoring
 * case), when it is within a third of the input's length (at least 2 edits), else undefined.
 */
export function closestName(input: string, candidates: Iterable<string>): string | undefined {
  const typed = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.ceil(typed.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = distance(typed, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** ` (did you mean "x"?)` for the closest candidate, or nothing when none is close. */
export function didYouMean(
  input: string,
  candidates: Iterable<string>,
  quote: (name: string) => string = (name) => JSON.stringify(name),
): string {
  const best = closestName(input, candidates);
  return best === undefined ? '' : ` (did you mean ${quote(best)}?)`;
}
