/**
 * A seeded pseudo-random source (mulberry32, Box–Muller) and the few distributions the simulated
 * sessions need. Only 32-bit integer math and IEEE doubles: the same seed gives the same numbers
 * on every platform.
 */
export interface Random {
  uniform(): number;
  normal(): number;
  poisson(lambda: number): number;
  binomial(n: number, p: number): number;
  /** An integer in [low, high]. */
  integer(low: number, high: number): number;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // 1 − uniform() lies in (0, 1], so the logarithm stays finite.
  const normal = (): number =>
    Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  // Knuth's method, exact; a sum of Poisson variables is Poisson, so large means are split.
  const poisson = (lambda: number): number => {
    if (lambda > 30) return poisson(lambda / 2) + poisson(lambda / 2);
    const limit = Math.exp(-lambda);
    let k = 0;
    for (let product = uniform(); product > limit; product *= uniform()) k++;
    return k;
  };
  const binomial = (n: number, p: number): number => {
    let k = 0;
    for (let i = 0; i < n; i++) if (uniform() < p) k++;
    return k;
  };
  const integer = (low: number, high: number): number =>
    low + Math.floor(uniform() * (high - low + 1));
  return { uniform, normal, poisson, binomial, integer };
}

/**
 * The seed of one simulated experiment, mixed from the run's seed and the experiment's place
 * (splitmix32's finaliser), so that experiments are independent and each can be re-run alone.
 */
export function experimentSeed(seed: number, stream: number, index: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b9) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x21f0aaad);
  h = Math.imul(h ^ (h >>> 15), 0x735a2d97);
  return (h ^ (h >>> 15)) >>> 0;
}

export const logit = (p: number): number => Math.log(p / (1 - p));
export const inverseLogit = (x: number): number => 1 / (1 + Math.exp(-x));
