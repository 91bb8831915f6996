/**
 * A seeded uniform generator (mulberry32): the same seed gives the same numbers on every platform,
 * so resampling results are reproducible from the data alone. Only 32-bit integer arithmetic.
 */
export declare function seededUniform(seed: number): () => number;
