/** Seeded random numbers for simulation tests (mulberry32; Box–Muller for normals). */
export interface Random {
  uniform(): number;
  normal(mean?: number, sd?: number): number;
  logNormal(meanLog: number, sdLog: number): number;
  poisson(lambda: number): number;
  binomial(n: number, p: number): number;
  bernoulli(p: number): boolean;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (mean = 0, sd = 1): number => {
    const u = 1 - uniform(); // in (0, 1], so the log is finite
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
  const bernoulli = (p: number): boolean => uniform() < p;
  return {
    uniform,
    normal,
    bernoulli,
    logNormal: (meanLog, sdLog) => Math.exp(normal(meanLog, sdLog)),
    // Knuth's multiplication method: fine for the small rates used in tests.
    poisson: (lambda) => {
      const limit = Math.exp(-lambda);
      let k = 0;
      for (let product = uniform(); product > limit; product *= uniform()) k++;
      return k;
    },
    binomial: (n, p) => {
      let k = 0;
      for (let i = 0; i < n; i++) if (bernoulli(p)) k++;
      return k;
    },
  };
}

export function sample(size: number, draw: () => number): Float64Array {
  const values = new Float64Array(size);
  for (let i = 0; i < size; i++) values[i] = draw();
  return values;
}
