/** Client side: a value -> its text on the wire, per the parameter's location and style. */
import type { ParameterSpec } from './types.js';

/** The text that replaces `{name}` in the path template, percent-encoded (`label`/`matrix` with their prefix). */
export function serializePathParameter(_spec: ParameterSpec, _value: unknown): string {
  throw new Error('not implemented');
}

/**
 * The parameter's part of the query string, percent-encoded, without `?` or a leading `&`
 * (`color=blue&color=black`, `color%5BR%5D=100`, ...); `''` when the value is `undefined` or `null`.
 */
export function serializeQueryParameter(_spec: ParameterSpec, _value: unknown): string {
  throw new Error('not implemented');
}

/** The header's field value; `undefined` when the value is `undefined` or `null`. */
export function serializeHeaderParameter(_spec: ParameterSpec, _value: unknown): string | undefined {
  throw new Error('not implemented');
}

/** The parameter's `name=value` pairs for the `Cookie` header (joined by `; `); `undefined`: none. */
export function serializeCookieParameter(_spec: ParameterSpec, _value: unknown): string | undefined {
  throw new Error('not implemented');
}
