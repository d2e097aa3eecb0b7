import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  /** Milliseconds of each measured run (warm-ups excluded). */
  runs: number[];
  median: number;
}

/**
 * Run `fn` `warmups` times unmeasured, then `runs` times. `fn` may return its own duration in milliseconds
 * (a child process that times itself); otherwise the wall time around it is used.
 */
export async function measure(options: {
  name: string;
  warmups: number;
  runs: number;
  fn: () => Promise<number | undefined>;
}): Promise<Measurement> {
  for (let i = 0; i < options.warmups; i++) await options.fn();
  const runs: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const started = performance.now();
    const own = await options.fn();
    runs.push(own ?? performance.now() - started);
  }
  return { name: options.name, runs, median: median(runs) };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
