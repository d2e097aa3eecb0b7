import { BrandedError, type ErrorOptions } from './branded-error.js';

export type StoreUnavailableReason = 'unreachable' | 'full';

/**
 * The dedup store cannot serve: unreachable, failing, or (memory store) full of live leases. It carries the
 * runtime's brand, so `isStoreUnavailableError` works across two loaded copies of the runtime.
 */
export class StoreUnavailableError extends BrandedError {
  readonly kind = 'store-unavailable' as const;
  readonly reason: StoreUnavailableReason;

  constructor(message: string, options: ErrorOptions & { reason?: StoreUnavailableReason } = {}) {
    super('store-unavailable', message, options);
    this.reason = options.reason ?? 'unreachable';
  }
}
