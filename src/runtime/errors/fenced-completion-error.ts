import { BrandedError, type ErrorOptions } from './branded-error.js';

/**
 * Thrown by a claim's `completeWithin` when the record is no longer held under this request's token (its
 * lease ran out and another request took it over). The caller's transaction must roll back, which it does
 * when the error leaves the transaction's callback; the engine then answers `409 in-progress` without
 * releasing the newer holder's claim, and a retry replays the newer outcome.
 */
export class FencedCompletionError extends BrandedError {
  readonly kind = 'fenced-completion' as const;
  /** The status of the response that was not recorded. */
  readonly status: number;

  constructor(status: number, options: ErrorOptions = {}) {
    super(
      'fenced-completion',
      'the idempotency lease was taken over; roll back, the newer holder owns the key',
      options,
    );
    this.status = status;
  }
}
