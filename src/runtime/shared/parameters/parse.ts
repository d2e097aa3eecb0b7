/**
 * Server side: the raw text a spec-following client sent -> the value, before validation. Values stay
 * strings (objects of strings, arrays of strings): the validator coerces them to the schema's types.
 */
import type { ParameterSpec, ParsedParameters, ParseResult } from './types.js';

/** One path segment's text, still percent-encoded as received (`.blue`, `;color=blue,black`). */
export function parsePathParameter(_spec: ParameterSpec, _raw: string): ParseResult {
  throw new Error('not implemented');
}

/**
 * The query string (without `?`, still percent-encoded) -> the values of the given parameters. `declared`
 * names every query parameter of the operation, so that a `form`-exploded object without declared
 * properties takes only the names no other parameter claims.
 */
export function parseQueryParameters(
  _specs: readonly ParameterSpec[],
  _rawQuery: string,
  _declared: readonly string[],
): ParsedParameters {
  throw new Error('not implemented');
}

/** One header's field value (repeated fields already joined by `, `). */
export function parseHeaderParameter(_spec: ParameterSpec, _raw: string): ParseResult {
  throw new Error('not implemented');
}

/** The `Cookie` header -> the values of the given cookie parameters (absent cookies left out). */
export function parseCookieParameters(
  _specs: readonly ParameterSpec[],
  _cookieHeader: string,
): ParsedParameters {
  throw new Error('not implemented');
}
