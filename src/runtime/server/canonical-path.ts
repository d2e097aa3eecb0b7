/** Characters a path keeps as they are: unreserved, sub-delims, `:`, `@` and `/` (RFC 3986 `pchar`). */
const PLAIN = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/]*$/;
const KEPT = /[A-Za-z0-9\-._~!$&'()*+,;=:@/%]/;
const UNRESERVED = /[A-Za-z0-9\-._~]/;
const HEX_PAIR = /^[0-9A-Fa-f]{2}$/;

/**
 * A path (or a path template's static text) in one canonical percent-encoding, so that a template written
 * as the spec spells it (`/café`) matches the request that a client sends for it (`/caf%C3%A9`):
 * - an escape of an unreserved character is decoded (`%7E` -> `~`, `%41` -> `A`), other escapes are
 *   upper-cased (`%c3%a9` -> `%C3%A9`); a reserved character's escape stays an escape (`%2F` is not `/`);
 * - any other character outside `pchar` is UTF-8 percent-encoded (`é` -> `%C3%A9`, a space -> `%20`);
 * - a `%` not followed by two hex digits is left alone (a parameter holding it is then a `bad-path`).
 * `undefined` for text that has no UTF-8 form (a lone surrogate). Decoding the canonical form gives what
 * decoding the original gives, so parameter values are unchanged. Most paths are plain and returned as
 * they are, after one regular-expression test.
 */
export function pathToCanonical(path: string): string | undefined {
  if (PLAIN.test(path)) return path;
  let out = '';
  for (let index = 0; index < path.length; index++) {
    const char = path[index]!;
    if (char === '%') {
      const hex = path.slice(index + 1, index + 3);
      if (HEX_PAIR.test(hex)) {
        const decoded = String.fromCharCode(Number.parseInt(hex, 16));
        out += UNRESERVED.test(decoded) ? decoded : `%${hex.toUpperCase()}`;
        index += 2;
        continue;
      }
    }
    if (KEPT.test(char)) {
      out += char;
      continue;
    }
    const codePoint = path.codePointAt(index)!;
    if (codePoint > 0xffff) index++;
    try {
      out += encodeURIComponent(String.fromCodePoint(codePoint));
    } catch {
      return undefined;
    }
  }
  return out;
}
