import { isJsonMediaType, mediaTypeOf } from '../problem/content-type.js';
import type { ValidationIssue } from './types.js';

export type RequestBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'other'; value: string | Uint8Array }
  | { kind: 'invalid'; issue: ValidationIssue };

/** A route's accepted media types, normalized once (the route's array is the same on every request). */
const normalized = new WeakMap<readonly string[], ReadonlySet<string>>();

/** `application/json` matches `application/json`, `application/*` and `*\/*`. */
export function isMediaTypeAccepted(mediaType: string, accepted: readonly string[]): boolean {
  let wanted = normalized.get(accepted);
  if (wanted === undefined) {
    wanted = new Set(accepted.map(mediaTypeOf));
    normalized.set(accepted, wanted);
  }
  if (wanted.has(mediaType) || wanted.has('*/*')) return true;
  const slash = mediaType.indexOf('/');
  return slash > 0 && wanted.has(`${mediaType.slice(0, slash)}/*`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientUtf8 = new TextDecoder();

/**
 * Parses the request body's bytes (`undefined`: none). JSON media types (`application/json`, `*+json`) are
 * parsed (malformed JSON or UTF-8 is `invalid`); `text/*` gives a string; anything else the bytes. An empty
 * body is `none`. When the operation declares body media types, a body of another type is `invalid`
 * (pointer `/headers/content-type`).
 */
export function parseRequestBody(
  bytes: Uint8Array | undefined,
  contentType: string,
  mediaTypes: readonly string[],
): RequestBody {
  if (bytes === undefined || bytes.byteLength === 0) return { kind: 'none' };
  const mediaType = mediaTypeOf(contentType);
  if (mediaTypes.length > 0 && !isMediaTypeAccepted(mediaType, mediaTypes)) {
    const message = `must be one of: ${mediaTypes.join(', ')}`;
    return { kind: 'invalid', issue: { pointer: '/headers/content-type', message } };
  }
  if (isJsonMediaType(mediaType)) {
    try {
      return { kind: 'json', value: JSON.parse(utf8.decode(bytes)) };
    } catch {
      return { kind: 'invalid', issue: { pointer: '/body', message: 'is not valid JSON' } };
    }
  }
  if (mediaType.startsWith('text/')) return { kind: 'other', value: lenientUtf8.decode(bytes) };
  return { kind: 'other', value: bytes };
}
