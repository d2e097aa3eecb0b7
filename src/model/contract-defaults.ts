/** The defaults of `x-idempotency` and `x-retry`, exactly as the contract (extensions.md) states them. */
import { DEFAULT_RETRY_ON, DEFAULT_RETRY_POLICY } from '../runtime/retry/defaults.js';
import type { IdempotencyContract, RetryContract } from './types.js';

export const DEFAULT_IDEMPOTENCY: Omit<IdempotencyContract, 'pointer' | 'fieldPointers'> = {
  key: { in: 'header', name: 'Idempotency-Key' },
  required: true,
  ttlMs: 24 * 3_600_000,
  inProgressTimeoutMs: 60_000,
  retryAfterMs: 1000,
  fingerprint: ['method', 'path', 'query', 'body'],
  scope: ['principal'],
  concurrent: 'reject',
  replay: ['2XX', '4XX'],
};

/** The runtime's retry defaults are the contract's: one definition, which the model copies from. */
export { DEFAULT_RETRY_ON };

export const DEFAULT_RETRY: Omit<RetryContract, 'pointer' | 'fieldPointers'> = {
  ...DEFAULT_RETRY_POLICY,
  backoff: { ...DEFAULT_RETRY_POLICY.backoff },
  retryOn: [...DEFAULT_RETRY_ON],
};
