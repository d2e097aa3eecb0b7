/** Recent `Content-Type` values and their media types: a server sees the same few values on every request. */
const recent = new Map<string, string>();
const RECENT_MAX = 64;

/** The media type of a `Content-Type` value, lower-cased and without parameters. */
export function mediaTypeOf(contentType: string | null | undefined): string {
  const value = contentType ?? '';
  let media = recent.get(value);
  if (media === undefined) {
    media = value.split(';', 1)[0]?.trim().toLowerCase() ?? '';
    // Bounded: values come from clients. Cleared rather than evicted one by one (rarely reached).
    if (recent.size >= RECENT_MAX) recent.clear();
    recent.set(value, media);
  }
  return media;
}

/** True for `application/problem+json` (parameters such as `charset` allowed). */
export const isProblemContentType = (contentType: string | null | undefined): boolean =>
  mediaTypeOf(contentType) === 'application/problem+json';

/** True for `application/json` and every `+json` suffix type (problem+json included). */
export const isJsonContentType = (contentType: string | null | undefined): boolean =>
  isJsonMediaType(mediaTypeOf(contentType));

/** `isJsonContentType` for a media type already taken from its header (`mediaTypeOf`). */
export const isJsonMediaType = (media: string): boolean =>
  media === 'application/json' || (media.includes('/') && media.endsWith('+json'));
