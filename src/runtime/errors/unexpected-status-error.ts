import type { ProblemDetails } from '../problem/types.js';
import type { HttpError } from './http-error.js';
import { IdemgenError } from './idemgen-error.js';

/**
 * A response whose status the operation does not declare. Generated clients report declared statuses as
 * `HttpError<Status, Body>` (so `error.status === 404` narrows `error.body`) and everything else as this.
 */
export class UnexpectedStatusError extends IdemgenError {
  readonly kind = 'unexpected-status' as const;
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
  readonly problem?: ProblemDetails;
  readonly retryAfterMs?: number;

  constructor(from: HttpError) {
    super('unexpected-status', `Undeclared status: ${from.message}`, {
      retryable: from.retryable,
      attempts: from.attempts,
      idempotencyKey: from.idempotencyKey,
      correlationId: from.correlationId,
      cause: from,
    });
    this.status = from.status;
    this.body = from.body;
    this.headers = from.headers;
    if (from.problem !== undefined) this.problem = from.problem;
    if (from.retryAfterMs !== undefined) this.retryAfterMs = from.retryAfterMs;
  }
}
