import { isJsonContentType, isTextMediaType, mediaTypeOf } from '../shared/media-type.js';

const EMPTY_STATUSES = new Set([204, 205, 304]);

/**
 * A response body: parsed JSON for JSON and `+json` types (problem+json included), a string for text
 * types (and when no `content-type` is sent), a `Blob` for everything else (`application/octet-stream`,
 * `image/png`, `application/pdf`: read it with `blob.stream()`, `blob.arrayBuffer()` or `blob.bytes()`);
 * `undefined` when empty. A body that claims JSON but does not parse is returned as its text.
 */
export const readBody = async (response: Response, method: string): Promise<unknown> => {
  if (EMPTY_STATUSES.has(response.status) || method.toUpperCase() === 'HEAD') {
    await response.body?.cancel();
    return undefined;
  }
  const contentType = response.headers.get('content-type');
  const media = mediaTypeOf(contentType);
  if (media !== '' && !isJsonContentType(contentType) && !isTextMediaType(media)) {
    const blob = await response.blob();
    return blob.size === 0 ? undefined : blob;
  }
  const text = await response.text();
  if (text === '') return undefined;
  if (!isJsonContentType(contentType)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};
