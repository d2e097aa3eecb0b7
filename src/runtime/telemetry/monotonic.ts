/**
 * Durations for metrics: `performance.now()` (monotonic, sub-millisecond; a web-standard global in browsers,
 * Node, Deno, Bun and workers), else `Date.now()`. Not the injected `Clock`: a fake clock would make every
 * store call last 0 ms, and a duration is measured, not decided.
 */
const perf = (globalThis as { performance?: { now(): number } }).performance;

export const monotonicNow: () => number = perf === undefined ? Date.now : () => perf.now();

/** Seconds since `start` (a `monotonicNow()` reading), the unit of the duration histograms. */
export const elapsedSince = (start: number): number => (monotonicNow() - start) / 1000;
