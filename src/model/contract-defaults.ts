/** The defaults of `x-idempotency` and `x-retry`, exactly as the contract (extensions.md) states them. */
import type { IdempotencyContract, RetryCondition, RetryContract } from './types.js';

export const DEFAULT_IDEMPOTENCY: Omit<IdempotencyContract, 'pointer' | 'fieldPointers'> = {
  key: { in: 'header', name: 'Idempotency-Key' },
  required: true,
  ttlMs: 24 * 3_600_000,
  inProgressTimeoutMs: 60_000,
  fingerprint: ['method', 'path', 'query', 'body'],
  scope: ['principal'],
  concurrent: 'reject',
  replay: ['2XX', '4XX'],
};

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

export const DEFAULT_RETRY: Omit<RetryContract, 'pointer' | 'fieldPointers'> = {
  maxAttempts: 3,
  backoff: { initialMs: 100, maxMs: 20_000, multiplier: 2, jitter: 'full' },
  maxElapsedMs: 60_000,
  attemptTimeoutMs: 30_000,
  retryOn: [...DEFAULT_RETRY_ON],
  respectRetryAfter: true,
};
