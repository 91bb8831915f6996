/**
 * A seeded uniform generator (mulberry32): the same seed gives the same numbers on every platform,
 * so resampling results are reproducible from the data alone. Only 32-bit integer arithmetic.
 */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
