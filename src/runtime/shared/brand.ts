/**
 * The brand that marks the runtime's errors. `Symbol.for` gives the same symbol in every copy of the runtime
 * (the package and a copy vendored into generated code), so guards that read it work where `instanceof` fails.
 */
export const IDEMGEN_ERROR: unique symbol = Symbol.for('idemgen.error');

/** The brand's kind string when `value` carries it, else `undefined`. */
export const brandOf = (value: unknown): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const kind = (value as { [IDEMGEN_ERROR]?: unknown })[IDEMGEN_ERROR];
  return typeof kind === 'string' ? kind : undefined;
};

/** True when `value` carries the brand with this kind. */
export const hasBrand = (value: unknown, kind: string): boolean => brandOf(value) === kind;
