import type { FingerprintPart, IdempotencyContract, ScopePart } from './types.js';

/**
 * `x-idempotency: true`: the contract's defaults as extensions.md states them. The generator's model fills
 * the fields a spec leaves out from here; the engine falls back to `retryAfterMs` for routes generated
 * before that field existed.
 */
export const DEFAULT_IDEMPOTENCY = {
  key: { in: 'header', name: 'Idempotency-Key' },
  required: true,
  ttlMs: 24 * 3_600_000,
  inProgressTimeoutMs: 60_000,
  /** The poll hint of a `409 idempotency-request-in-progress` answer. */
  retryAfterMs: 1000,
  fingerprint: ['method', 'path', 'query', 'body'] as readonly FingerprintPart[],
  scope: ['principal'] as readonly ScopePart[],
  concurrent: 'reject',
  replay: ['2XX', '4XX'] as readonly string[],
} as const satisfies Required<IdempotencyContract>;
