/**
 * The interval of hypotheses a test does not reject at level alpha, {h : p(h) ≥ alpha}, for a
 * p-value function that is 1 at the estimate and falls away from it: each end is found by
 * bisection between the estimate and the edge of the parameter space (Chan & Zhang's procedure).
 * An end is null when no hypothesis on that side is rejected and the side is unbounded.
 *
 * The result agrees with the test of `nullValue` by construction: if p(nullValue) < alpha the
 * interval excludes it, otherwise it holds it, even where p is not monotone.
 */
export function invertTest(
  p: (h: number) => number,
  estimate: number,
  domain: readonly [number, number],
  alpha: number,
  nullValue: number,
): [number | null, number | null] {
  const accepted = (h: number) => p(h) >= alpha;
  let low = end(accepted, estimate, domain[0]);
  let high = end(accepted, estimate, domain[1]);
  if (accepted(nullValue)) {
    if (low !== null && nullValue < low) low = nullValue;
    if (high !== null && nullValue > high) high = nullValue;
  } else if (nullValue < estimate && (low === null || nullValue >= low)) {
    low = crossing(accepted, estimate, nullValue);
  } else if (nullValue > estimate && (high === null || nullValue <= high)) {
    high = crossing(accepted, estimate, nullValue);
  }
  return [low, high];
}

/** The end of the accepted region between `from` (accepted) and `edge` (±Infinity allowed). */
function end(accepted: (h: number) => boolean, from: number, edge: number): number | null {
  if (Number.isFinite(edge)) return accepted(edge) ? edge : crossing(accepted, from, edge);
  // Unbounded side: widen the bracket until a rejected hypothesis is found.
  const direction = Math.sign(edge);
  let step = Math.max(1, Math.abs(from));
  for (let i = 0; i < 64; i++) {
    const candidate = from + direction * step;
    if (!accepted(candidate)) return crossing(accepted, from, candidate);
    step *= 2;
  }
  return null;
}

/** Bisection between an accepted and a rejected hypothesis, to a relative precision of 1e-12. */
function crossing(accepted: (h: number) => boolean, inside: number, outside: number): number {
  let a = inside;
  let b = outside;
  for (let i = 0; i < 200; i++) {
    const middle = (a + b) / 2;
    if (middle === a || middle === b) break;
    if (accepted(middle)) a = middle;
    else b = middle;
    if (Math.abs(b - a) <= 1e-12 * Math.max(1, Math.abs(a))) break;
  }
  return (a + b) / 2;
}
