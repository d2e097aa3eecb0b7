import type { Random } from '../shared/random.js';
import type { BackoffPolicy } from './types.js';

export interface ComputeDelayInput {
  /** 1-based number of the attempt that just failed: the delay comes before attempt `attempt + 1`. */
  attempt: number;
  backoff: BackoffPolicy;
  /** The delay computed before the previous retry (decorrelated jitter only); `initialMs` when none. */
  previousDelay?: number | undefined;
  random: Random;
}

/**
 * The delay before the next attempt, exactly as `x-retry` defines it: the base is
 * `d = min(max, initial * multiplier^(attempt-1))`, then `none` gives d, `full` uniform 0..d, `equal`
 * d/2 + uniform 0..d/2, and `decorrelated` min(max, uniform(initial, previous * 3)). Not rounded.
 */
export const computeDelay = ({ attempt, backoff, previousDelay, random }: ComputeDelayInput): number => {
  const { initialMs, maxMs, multiplier, jitter } = backoff;
  const base = Math.min(maxMs, initialMs * multiplier ** Math.max(0, attempt - 1));
  switch (jitter) {
    case 'none':
      return base;
    case 'full':
      return random() * base;
    case 'equal':
      return base / 2 + (random() * base) / 2;
    case 'decorrelated': {
      const upper = Math.max(initialMs, (previousDelay ?? initialMs) * 3);
      return Math.min(maxMs, initialMs + random() * (upper - initialMs));
    }
  }
};
