import { isFormContentType, isJsonMediaType, mediaTypeOf } from '../shared/media-type.js';
import { DEFAULT_MAX_BODY_DEPTH } from './body-limit.js';
import { checkJsonBody } from './json-body-checks.js';
import type { ValidationIssue } from './types.js';

export type RequestBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  /** `application/x-www-form-urlencoded` or `multipart/form-data`, still as bytes (see `parseFormBody`). */
  | { kind: 'form'; bytes: Uint8Array; contentType: string }
  | { kind: 'other'; value: string | Uint8Array }
  /** A media type the operation does not declare (415). */
  | { kind: 'unsupported' }
  | { kind: 'invalid'; issues: ValidationIssue[] };

/** A route's accepted media types, normalized once (the route's array is the same on every request). */
const normalized = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * The issue when a body of `contentType` is not one of the operation's media types (none declared: any
 * is accepted), else `undefined`.
 */
export function checkBodyMediaType(
  contentType: string,
  mediaTypes: readonly string[],
): ValidationIssue | undefined {
  if (mediaTypes.length === 0 || isMediaTypeAccepted(mediaTypeOf(contentType), mediaTypes)) return undefined;
  return { pointer: '/headers/content-type', message: `must be one of: ${mediaTypes.join(', ')}` };
}

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
 * parsed (malformed JSON or UTF-8 is `invalid`); forms are left to `parseFormBody`; `text/*` gives a
 * string; anything else the bytes. An empty body is `none`. When the operation declares body media types,
 * a body of another type is `unsupported`. JSON nested deeper than `maxDepth` or with a `__proto__` member is
 * `invalid` too (see `checkJsonBody`).
 */
export function parseRequestBody(
  bytes: Uint8Array | undefined,
  contentType: string,
  mediaTypes: readonly string[],
  maxDepth: number = DEFAULT_MAX_BODY_DEPTH,
): RequestBody {
  if (bytes === undefined || bytes.byteLength === 0) return { kind: 'none' };
  const refused = checkBodyMediaType(contentType, mediaTypes);
  if (refused !== undefined) return { kind: 'unsupported' };
  const mediaType = mediaTypeOf(contentType);
  if (isFormContentType(mediaType)) return { kind: 'form', bytes, contentType };
  if (isJsonMediaType(mediaType)) {
    let text: string;
    let value: unknown;
    try {
      text = utf8.decode(bytes);
      value = JSON.parse(text);
    } catch {
      return { kind: 'invalid', issues: [{ pointer: '/body', message: 'is not valid JSON' }] };
    }
    const issues = checkJsonBody(text, value, maxDepth);
    return issues === undefined ? { kind: 'json', value } : { kind: 'invalid', issues };
  }
  if (mediaType.startsWith('text/')) return { kind: 'other', value: lenientUtf8.decode(bytes) };
  return { kind: 'other', value: bytes };
}
