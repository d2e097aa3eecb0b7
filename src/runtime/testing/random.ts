import type { Random } from '../shared/random.js';

/**
 * A small deterministic generator (mulberry32) for tests and reproducible runs. Not for security.
 */
export const seededRandom = (seed: number): Random => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** A generator that returns the given values in turn, then repeats the last one (for exact jitter tests). */
export const sequenceRandom = (values: readonly number[]): Random => {
  let index = 0;
  return () => {
    const value = values[Math.min(index, values.length - 1)] ?? 0;
    index++;
    return value;
  };
};
