/** The media type of a `Content-Type` value, lower-cased and without parameters. */
const mediaTypeOf = (contentType: string | null | undefined): string =>
  (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';

/** True for `application/problem+json` (parameters such as `charset` allowed). */
export const isProblemContentType = (contentType: string | null | undefined): boolean =>
  mediaTypeOf(contentType) === 'application/problem+json';

/** True for `application/json` and every `+json` suffix type (problem+json included). */
export const isJsonContentType = (contentType: string | null | undefined): boolean => {
  const media = mediaTypeOf(contentType);
  return media === 'application/json' || (media.includes('/') && media.endsWith('+json'));
};
