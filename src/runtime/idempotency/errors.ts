import { hasBrand, IDEMGEN_ERROR } from '../shared/brand.js';

const KIND = 'StoreUnavailableError';

export type StoreUnavailableReason = 'unreachable' | 'full';

/**
 * The dedup store cannot serve: unreachable, failing, or (memory store) full of live leases. It carries the
 * runtime's brand, so `isStoreUnavailableError` works across two loaded copies of the runtime.
 */
export class StoreUnavailableError extends Error {
  readonly [IDEMGEN_ERROR] = KIND;
  override readonly name = 'StoreUnavailableError';
  readonly reason: StoreUnavailableReason;

  constructor(message: string, options: { reason?: StoreUnavailableReason; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = options.reason ?? 'unreachable';
  }
}

export function isStoreUnavailableError(value: unknown): value is StoreUnavailableError {
  return hasBrand(value, KIND);
}
