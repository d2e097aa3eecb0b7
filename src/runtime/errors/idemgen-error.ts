import { BrandedError } from './branded-error.js';

export const ERROR_KINDS = [
  'network',
  'timeout',
  'aborted',
  'deadline-exceeded',
  'budget-exhausted',
  'http',
  'unexpected-status',
  'operation-failed',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** What every error of a call says about it. */
export interface CallErrorInit {
  /** True when the failure is transient (the policy's `retryOn` matches it), whether or not retries remain. */
  retryable: boolean;
  /** Attempts made, the failed one included (0 when the call was aborted before its first attempt). */
  attempts: number;
  idempotencyKey?: string | undefined;
  correlationId?: string | undefined;
  cause?: unknown;
}

/**
 * The base of a call's errors (the client's). Branded with `Symbol.for('idemgen.error')` holding the kind, so the
 * `isXError` guards work across two copies of the runtime; never test these with `instanceof`.
 */
export abstract class IdemgenError extends BrandedError {
  abstract readonly kind: ErrorKind;
  readonly retryable: boolean;
  readonly attempts: number;
  readonly idempotencyKey?: string;
  readonly correlationId?: string;

  protected constructor(kind: ErrorKind, message: string, init: CallErrorInit) {
    super(kind, message, init);
    this.retryable = init.retryable;
    this.attempts = init.attempts;
    if (init.idempotencyKey !== undefined) this.idempotencyKey = init.idempotencyKey;
    if (init.correlationId !== undefined) this.correlationId = init.correlationId;
  }
}
