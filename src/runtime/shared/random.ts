/** A source of uniform numbers in [0, 1), injected so that jitter is exact in tests. */
export type Random = () => number;

export const systemRandom: Random = () => Math.random();
