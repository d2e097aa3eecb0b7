import { hasBrand, IDEMGEN_ERROR } from '../shared/brand.js';

const KIND = 'FencedCompletionError';

/**
 * Thrown by a claim's `completeWithin` when the record is no longer held under this request's token (its
 * lease ran out and another request took it over). The caller's transaction must roll back, which it does
 * when the error leaves the transaction's callback; the engine then answers `409 in-progress` without
 * releasing the newer holder's claim, and a retry replays the newer outcome.
 */
export class FencedCompletionError extends Error {
  readonly [IDEMGEN_ERROR] = KIND;
  override readonly name = 'FencedCompletionError';
  /** The status of the response that was not recorded. */
  readonly status: number;

  constructor(status: number) {
    super('the idempotency lease was taken over; roll back, the newer holder owns the key');
    this.status = status;
  }
}

export function isFencedCompletionError(value: unknown): value is FencedCompletionError {
  return hasBrand(value, KIND);
}
