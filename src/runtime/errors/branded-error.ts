import { IDEMGEN_ERROR } from '../shared/brand.js';

/** `request-body-too-large` -> `RequestBodyTooLargeError`. */
const kindToName = (kind: string): string =>
  `${kind.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}Error`;

/** What every error of the runtime accepts: the error that caused it. */
export interface ErrorOptions {
  cause?: unknown;
}

/**
 * The base of every error the runtime throws. It carries the brand `Symbol.for('idemgen.error')` holding its
 * kind (`network`, `store-unavailable`, ...), so the guards in `guards.ts` recognize an error thrown by
 * another copy of the runtime (vendored into generated code, or the package); never test these with
 * `instanceof`. Its `name` derives from the kind, and it takes a `cause`.
 */
export abstract class BrandedError extends Error {
  protected constructor(kind: string, message: string, options: ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    Object.defineProperty(this, IDEMGEN_ERROR, { value: kind, enumerable: false });
    this.name = kindToName(kind);
  }
}
