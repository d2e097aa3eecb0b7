/**
 * The store's error. It carries a brand (a global symbol) so that `isStoreUnavailableError` still recognises
 * it when two copies of the runtime are loaded (generated code plus the package), where `instanceof` fails.
 */
const BRAND = Symbol.for('idemgen.StoreUnavailableError');

export type StoreUnavailableReason = 'unreachable' | 'full';

export class StoreUnavailableError extends Error {
  readonly [BRAND] = true;
  override readonly name = 'StoreUnavailableError';
  readonly reason: StoreUnavailableReason;

  constructor(message: string, options: { reason?: StoreUnavailableReason; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = options.reason ?? 'unreachable';
  }
}

export function isStoreUnavailableError(value: unknown): value is StoreUnavailableError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
