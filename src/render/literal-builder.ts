/**
 * Typed builders for the literals the generated code hands the runtime (the client's `OperationSpec`, the
 * server's `ServerRoute`). A builder has one entry per field of the runtime type, optional fields included,
 * so a field added to the runtime type fails to compile here until the generator says how to fill it.
 */

/** One function per field of `T` (optional ones too, returning `undefined` to leave the field out). */
export type LiteralBuilder<T, I> = { readonly [K in keyof T]-?: (input: I) => T[K] };

/** The literal: each field in the builder's order, fields built as `undefined` left out. */
export function buildLiteral<T, I>(builder: LiteralBuilder<T, I>, input: I): T {
  const out: Partial<T> = {};
  for (const key of Object.keys(builder) as (keyof T)[]) {
    const value = builder[key](input);
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}
