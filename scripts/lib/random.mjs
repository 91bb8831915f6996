/**
 * A seeded pseudo-random source and the few distributions the synthetic sessions need.
 * The same seed always gives the same sequence, on every platform: only 32-bit integer math and
 * IEEE doubles are involved.
 */
export function createRandom(seed) {
  let state = seed >>> 0;

  // mulberry32. The state is kept to 32 bits; the usual `a += …` form grows past 2^53 within a
  // few million calls and then repeats itself, and the bench draws a hundred million numbers.
  const uniform = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  // Box–Muller; 1 - uniform() lies in (0, 1], so the logarithm stays finite.
  const normal = (mean = 0, sd = 1) =>
    mean + sd * Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());

  const logNormal = (median, sigma) => median * Math.exp(sigma * normal());

  // Knuth's method is exact but its exp(-lambda) loses precision for large lambda; a sum of
  // independent Poisson variables is Poisson, so large means are split in halves.
  const poisson = (lambda) => {
    if (lambda > 30) return poisson(lambda / 2) + poisson(lambda / 2);
    const limit = Math.exp(-lambda);
    let k = 0;
    for (let product = uniform(); product > limit; product *= uniform()) k++;
    return k;
  };

  const bernoulli = (p) => uniform() < p;

  const binomial = (n, p) => {
    let k = 0;
    for (let i = 0; i < n; i++) if (bernoulli(p)) k++;
    return k;
  };

  const int = (n) => Math.floor(uniform() * n);

  const pick = (items) => items[int(items.length)];

  /** A key of `weights` ({ key: weight }), drawn in proportion to its weight. */
  const weighted = (weights) => {
    const entries = Object.entries(weights);
    let u = uniform() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [key, weight] of entries) {
      u -= weight;
      if (u < 0) return key;
    }
    return entries.at(-1)[0];
  };

  return { uniform, normal, logNormal, poisson, bernoulli, binomial, int, pick, weighted };
}

export const logit = (p) => Math.log(p / (1 - p));

export const inverseLogit = (x) => 1 / (1 + Math.exp(-x));
