/**
 * Percent-encoding per RFC 3986 (section 2.1) over UTF-8, and its inverse. Only the unreserved characters
 * `A-Za-z0-9-._~` are left as they are (so `!'()*` are encoded too, unlike `encodeURIComponent`).
 *
 * @see https://www.rfc-editor.org/rfc/rfc3986#section-2.1 RFC 3986 section 2.1, percent-encoding
 * @see https://www.rfc-editor.org/rfc/rfc6570#section-3.2.3 RFC 6570 section 3.2.3, reserved expansion
 */

/** With the `u` flag a range of surrogates matches only lone ones (a pair is one code point above it). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;
const URI_COMPONENT_KEEPS = /[!'()*]/g;

/** Lone surrogates (which UTF-8 cannot carry and `encodeURIComponent` throws on) become U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

const hexTriple = (char: string): string => `%${char.charCodeAt(0).toString(16).toUpperCase()}`;

/** Every character but the unreserved ones percent-encoded (RFC 6570 simple expansion). */
export function encodeStrict(text: string): string {
  return encodeURIComponent(wellFormed(text)).replace(URI_COMPONENT_KEEPS, hexTriple);
}

/**
 * Reserved expansion for a query value (`allowReserved`, RFC 6570 section 3.2.3): the RFC 3986 reserved
 * characters and existing `%XX` triples pass unencoded, except those a query string in the
 * `application/x-www-form-urlencoded` form cannot carry as data: `[`, `]`, `#` (not allowed in a query by
 * RFC 3986) and `&`, `=`, `+` (form-urlencoded delimiters and space), per the specification's Appendices C
 * and E. A `%` that does not start a triple is encoded.
 */
const RESERVED_UNSAFE = /%[0-9A-Fa-f]{2}|[^A-Za-z0-9\-._~:/?@!$'()*,;%]+|%/gu;

export function encodeReserved(text: string): string {
  return wellFormed(text).replace(RESERVED_UNSAFE, (match) =>
    match.length === 3 && match.charCodeAt(0) === 37 ? match : encodeStrict(match),
  );
}

/**
 * Header values: RFC 6570's encoding "is not always appropriate" for headers (Appendix D), and encoding
 * every reserved character would turn `"etag"` into `%22etag%22`. So a header value keeps the visible ASCII
 * characters and inner spaces, and only what a field value cannot carry, or what would be mistaken for the
 * style's own syntax, is percent-encoded: `%` itself, controls, non-ASCII (UTF-8), spaces at either end
 * (HTTP strips them), and in an array or object item the `,` delimiter (and `=` in an exploded key).
 */
const HEADER_PRIMITIVE_UNSAFE = /[^\x20-\x24\x26-\x7E]/gu;
const HEADER_ITEM_UNSAFE = /[^\x20-\x24\x26-\x2B\x2D-\x7E]/gu;
const HEADER_KEY_UNSAFE = /[^\x20-\x24\x26-\x2B\x2D-\x3C\x3E-\x7E]/gu;

export type HeaderPart = 'primitive' | 'item' | 'key';

export function encodeHeader(text: string, part: HeaderPart): string {
  const unsafe =
    part === 'primitive' ? HEADER_PRIMITIVE_UNSAFE : part === 'item' ? HEADER_ITEM_UNSAFE : HEADER_KEY_UNSAFE;
  const whole = wellFormed(text);
  // The spaces at either end counted with loops (an anchored ` +$` would be quadratic on long inner runs).
  let start = 0;
  while (start < whole.length && whole.charCodeAt(start) === 32) start++;
  let end = whole.length;
  while (end > start && whole.charCodeAt(end - 1) === 32) end--;
  const inner = whole.slice(start, end).replace(unsafe, encodeStrict);
  return `${'%20'.repeat(start)}${inner}${'%20'.repeat(whole.length - end)}`;
}

/** The text without the optional whitespace (spaces, tabs) HTTP allows around field values and items. */
export function trimOws(text: string): string {
  let start = 0;
  while (start < text.length && isOws(text.charCodeAt(start))) start++;
  let end = text.length;
  while (end > start && isOws(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

const isOws = (code: number): boolean => code === 32 || code === 9;

/**
 * Percent-decoding that never throws: `undefined` when a `%` does not start a triple or the triples are not
 * UTF-8. `plusIsSpace` for a query string (`application/x-www-form-urlencoded`, Appendix E).
 */
export function percentDecode(text: string, plusIsSpace: boolean): string | undefined {
  const spaced = plusIsSpace && text.includes('+') ? text.replaceAll('+', ' ') : text;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return undefined;
  }
}
