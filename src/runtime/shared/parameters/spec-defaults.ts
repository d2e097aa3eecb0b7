/** The Parameter Object's defaults, and the text of a value's members, shared by serializer and parser. */
import { isJsonContentType, mediaTypeOf } from '../media-type.js';
import type { ParameterShape, ParameterSpec, ParameterStyle } from './types.js';

/** `form` for query and cookie, `simple` for path and header (the `style` field's defaults). */
export function styleOf(spec: ParameterSpec): ParameterStyle {
  return spec.style ?? (spec.in === 'query' || spec.in === 'cookie' ? 'form' : 'simple');
}

/** `true` for `form`, else `false` (the `explode` field's default). */
export function explodeOf(spec: ParameterSpec): boolean {
  return spec.explode ?? styleOf(spec) === 'form';
}

/** `spec.shape` when given, else the value's own (the server, with no value, reads a primitive). */
export function shapeOf(spec: ParameterSpec, value?: unknown): ParameterShape {
  if (spec.shape !== undefined) return spec.shape;
  if (Array.isArray(value)) return 'array';
  return value !== null && typeof value === 'object' && !(value instanceof Date) ? 'object' : 'primitive';
}

/**
 * A parameter's `content` media type read as JSON: the body rule (`isJsonContentType`) plus the legacy
 * `text/json` (parameters after `;` ignored).
 */
export function isJsonParameterContentType(contentType: string): boolean {
  return mediaTypeOf(contentType) === 'text/json' || isJsonContentType(contentType);
}

/**
 * One scalar's text: strings as they are, numbers, booleans and bigints as `String()`, a `Date` as ISO 8601.
 * Anything else (a nested array or object, whose serialization the specification leaves undefined) as JSON,
 * rather than `[object Object]`.
 */
export function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value) ?? String(value);
}
