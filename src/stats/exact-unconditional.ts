import { differenceScore, ratioScore, type TwoProportions } from './binary-score.js';

/**
 * Exact unconditional p-values for two proportions (Chan & Zhang 1999; Agresti & Min 2001): the
 * probability, maximised over the nuisance proportion, of a table at least as extreme as the one
 * observed, extremeness measured by the Miettinen–Nurminen score for the hypothesis tested
 * (p₁ − p₀ = δ, or p₁ = ρ·p₀). Never above the nominal level whatever the true proportions, which
 * the asymptotic score test cannot promise in arms of a few sessions. Inverting it gives intervals
 * that agree with the test by construction.
 *
 * The supremum over the nuisance parameter is taken on a grid of 200 points, refined by golden
 * section search around the best of them.
 */
export type BinaryHypothesis =
  { kind: 'difference'; delta: number } | { kind: 'ratio'; rho: number };

const GRID = 200;
const TIE = 1e-9;

export function exactUnconditionalPValue(
  data: TwoProportions,
  hypothesis: BinaryHypothesis,
): number {
  const { n1, n0 } = data;
  const score = (x1: number, x0: number) => {
    const table = { x1, n1, x0, n0 };
    return hypothesis.kind === 'difference'
      ? differenceScore(table, hypothesis.delta)
      : ratioScore(table, hypothesis.rho);
  };
  const observed = Math.abs(score(data.x1, data.x0));
  if (observed === 0) return 1;
  const threshold = observed * (1 - TIE);
  // The tables at least as extreme: for each x₁, a mask over x₀.
  const extreme = new Uint8Array((n1 + 1) * (n0 + 1));
  for (let x1 = 0; x1 <= n1; x1++) {
    for (let x0 = 0; x0 <= n0; x0++) {
      if (Math.abs(score(x1, x0)) >= threshold) extreme[x1 * (n0 + 1) + x0] = 1;
    }
  }
  const logChoose1 = logChooseRow(n1);
  const logChoose0 = logChooseRow(n0);
  const [low, high] =
    hypothesis.kind === 'difference'
      ? [Math.max(0, -hypothesis.delta), Math.min(1, 1 - hypothesis.delta)]
      : [0, Math.min(1, hypothesis.rho > 0 ? 1 / hypothesis.rho : 1)];
  const probability = (p0: number) => {
    const p1 = hypothesis.kind === 'difference' ? p0 + hypothesis.delta : hypothesis.rho * p0;
    const pmf1 = binomialPmf(n1, clamp01(p1), logChoose1);
    const pmf0 = binomialPmf(n0, clamp01(p0), logChoose0);
    let total = 0;
    for (let x1 = 0; x1 <= n1; x1++) {
      if (pmf1[x1] === 0) continue;
      let inner = 0;
      const row = x1 * (n0 + 1);
      for (let x0 = 0; x0 <= n0; x0++) if (extreme[row + x0] === 1) inner += pmf0[x0]!;
      total += pmf1[x1]! * inner;
    }
    return total;
  };
  if (!(high > low)) return Math.min(1, probability(low));
  let best = -1;
  let bestAt = low;
  const step = (high - low) / GRID;
  for (let i = 0; i <= GRID; i++) {
    const p0 = low + i * step;
    const value = probability(p0);
    if (value > best) {
      best = value;
      bestAt = p0;
    }
  }
  const refined = goldenMaximum(
    probability,
    Math.max(low, bestAt - step),
    Math.min(high, bestAt + step),
  );
  return Math.min(1, Math.max(best, refined));
}

function goldenMaximum(f: (x: number) => number, a: number, b: number): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < 60 && b - a > 1e-12; i++) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = f(d);
    }
  }
  return Math.max(fc, fd);
}

function logChooseRow(n: number): Float64Array {
  const row = new Float64Array(n + 1);
  for (let k = 1; k <= n; k++) row[k] = row[k - 1]! + Math.log((n - k + 1) / k);
  return row;
}

function binomialPmf(n: number, p: number, logChoose: Float64Array): Float64Array {
  const pmf = new Float64Array(n + 1);
  if (p <= 0) pmf[0] = 1;
  else if (p >= 1) pmf[n] = 1;
  else {
    const logP = Math.log(p);
    const logQ = Math.log1p(-p);
    for (let x = 0; x <= n; x++) pmf[x] = Math.exp(logChoose[x]! + x * logP + (n - x) * logQ);
  }
  return pmf;
}

function clamp01(p: number): number {
  return Math.min(1, Math.max(0, p));
}
