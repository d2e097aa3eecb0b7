import { isJsonContentType } from '../problem/content-type.js';
import type { ValidationIssue } from './types.js';

export type RequestBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'other'; value: string | Uint8Array }
  | { kind: 'invalid'; issue: ValidationIssue };

const mediaTypeOf = (contentType: string): string => contentType.split(';', 1)[0]?.trim().toLowerCase() ?? '';

/** `application/json` matches `application/json`, `application/*` and `*\/*`. */
export function isMediaTypeAccepted(mediaType: string, accepted: readonly string[]): boolean {
  const [type] = mediaType.split('/');
  return accepted.some((pattern) => {
    const wanted = mediaTypeOf(pattern);
    return wanted === mediaType || wanted === '*/*' || wanted === `${type}/*`;
  });
}

/**
 * Reads and parses the request body. JSON media types (`application/json`, `*+json`) are parsed (malformed
 * JSON or UTF-8 is `invalid`); `text/*` gives a string; anything else the bytes. An empty body is `none`.
 * When the operation declares body media types, a body of another type is `invalid` (pointer
 * `/headers/content-type`).
 */
export async function readRequestBody(request: Request, mediaTypes: readonly string[]): Promise<RequestBody> {
  if (request.body === null) return { kind: 'none' };
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength === 0) return { kind: 'none' };
  const contentType = request.headers.get('content-type') ?? '';
  const mediaType = mediaTypeOf(contentType);
  if (mediaTypes.length > 0 && !isMediaTypeAccepted(mediaType, mediaTypes)) {
    const message = `must be one of: ${mediaTypes.join(', ')}`;
    return { kind: 'invalid', issue: { pointer: '/headers/content-type', message } };
  }
  if (isJsonContentType(contentType)) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
      return { kind: 'json', value: JSON.parse(text) };
    } catch {
      return { kind: 'invalid', issue: { pointer: '/body', message: 'is not valid JSON' } };
    }
  }
  if (mediaType.startsWith('text/')) return { kind: 'other', value: new TextDecoder().decode(bytes) };
  return { kind: 'other', value: bytes };
}
