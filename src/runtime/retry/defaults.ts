import type { BackoffPolicy, RetryCondition, RetryPolicy } from './types.js';

/** `x-retry`'s default `retryOn`. */
export const DEFAULT_RETRY_ON: readonly RetryCondition[] = [
  408,
  425,
  429,
  500,
  502,
  503,
  504,
  'network',
  'timeout',
];

export const DEFAULT_BACKOFF: BackoffPolicy = {
  initialMs: 100,
  maxMs: 20_000,
  multiplier: 2,
  jitter: 'full',
};

/** `x-retry: true`. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  backoff: DEFAULT_BACKOFF,
  maxElapsedMs: 60_000,
  attemptTimeoutMs: 30_000,
  retryOn: DEFAULT_RETRY_ON,
  respectRetryAfter: true,
};
