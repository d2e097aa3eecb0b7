/**
 * The runtime's media-type rules, in one place: what a `Content-Type` value's media type is, and which
 * media types are JSON, text, problem details and forms. The client, the server and the generator (which
 * decides from the same rules which declared media type is the JSON one) all use these.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-8.3 (Content-Type)
 * @see https://www.rfc-editor.org/rfc/rfc6839#section-3.1 (the `+json` structured syntax suffix)
 */

/** Recent `Content-Type` values and their media types: a server sees the same few values on every request. */
const recent = new Map<string, string>();
const RECENT_MAX = 64;

export const FORM_URLENCODED = 'application/x-www-form-urlencoded';
export const MULTIPART_FORM_DATA = 'multipart/form-data';

/** The media type of a `Content-Type` value, lower-cased and without parameters. */
export const mediaTypeOf = (contentType: string | null | undefined): string => {
  const value = contentType ?? '';
  let media = recent.get(value);
  if (media === undefined) {
    media = value.split(';', 1)[0]?.trim().toLowerCase() ?? '';
    // Bounded: values come from clients. Cleared rather than evicted one by one (rarely reached).
    if (recent.size >= RECENT_MAX) recent.clear();
    recent.set(value, media);
  }
  return media;
};

/** True for `application/problem+json` (parameters such as `charset` allowed). */
export const isProblemContentType = (contentType: string | null | undefined): boolean =>
  mediaTypeOf(contentType) === 'application/problem+json';

/** True for `application/json` and every `+json` suffix type (problem+json included). */
export const isJsonContentType = (contentType: string | null | undefined): boolean =>
  isJsonMediaType(mediaTypeOf(contentType));

/** `isJsonContentType` for a media type already taken from its header (`mediaTypeOf`). */
export const isJsonMediaType = (media: string): boolean =>
  media === 'application/json' || (media.includes('/') && media.endsWith('+json'));

/** Media types read as text: `text/*`, XML, forms, JavaScript; every other non-JSON type is bytes. */
export const isTextMediaType = (media: string): boolean =>
  media.startsWith('text/') ||
  media === 'application/xml' ||
  media.endsWith('+xml') ||
  media === FORM_URLENCODED ||
  media === 'application/javascript';

/** True for the two form encodings: `application/x-www-form-urlencoded` and `multipart/form-data`. */
export const isFormContentType = (contentType: string | null | undefined): boolean => {
  const media = mediaTypeOf(contentType);
  return media === FORM_URLENCODED || media === MULTIPART_FORM_DATA;
};
