import { resolveJsonPointer } from './json-pointer.js';
import { readHeaderValues, readQueryValues } from './request-parts.js';
import type { IdempotencyKeySource, IdempotencyRequest } from './types.js';

export const MAX_KEY_LENGTH = 255;

export type ExtractedKey =
  | { kind: 'present'; key: string }
  | { kind: 'absent' }
  | { kind: 'invalid'; reason: string };

const VISIBLE_ASCII = /^[\x21-\x7e]+$/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The idempotency key of a request, from where the contract says.
 *
 * A header key is 1 to 255 visible ASCII characters (0x21-0x7E), sent bare (`abc`) or as the draft's
 * structured-field string (`"abc"`, with `\"` and `\\` escapes); only SP and HTAB may stand around it. A
 * key from a path or query parameter or from the body (a string or a finite number) is 1 to 255 characters
 * of any script: a deterministic key is business data (an order id), not a client token, and it is hashed
 * into the store key anyway. A field given twice, an empty value or a body value of another type is invalid.
 *
 * @see https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/ The Idempotency-Key HTTP header field (IETF httpapi draft)
 * @see https://www.rfc-editor.org/rfc/rfc8941#section-3.3.3 RFC 8941 section 3.3.3, sf-string
 */
export function extractIdempotencyKey(input: {
  source: IdempotencyKeySource;
  request: IdempotencyRequest;
}): ExtractedKey {
  const { source, request } = input;
  switch (source.in) {
    case 'header':
      return headerValuesToKey(readHeaderValues(request.headers, source.name));
    case 'query':
      return valuesToKey(readQueryValues(request.query, source.name));
    case 'path': {
      const value = request.pathParams?.[source.name];
      return value === undefined ? { kind: 'absent' } : scalarToKey(value);
    }
    case 'body': {
      const value = request.body === undefined ? undefined : resolveJsonPointer(request.body, source.pointer);
      return value === undefined ? { kind: 'absent' } : scalarToKey(value);
    }
  }
}

function headerValuesToKey(values: string[]): ExtractedKey {
  // Indexed, not `[first, ...rest]`: the rest array was an allocation on every keyed request.
  const first = values[0];
  if (first === undefined) return { kind: 'absent' };
  if (values.length > 1) return { kind: 'invalid', reason: 'the key header was sent more than once' };
  const text = trimOws(first);
  const key = text.startsWith('"') ? parseStructuredString(text) : text;
  if (key === undefined)
    return { kind: 'invalid', reason: 'the quoted key is not a valid structured-field string' };
  if (key.length > MAX_KEY_LENGTH)
    return { kind: 'invalid', reason: `the key is longer than ${MAX_KEY_LENGTH}` };
  if (!VISIBLE_ASCII.test(key))
    return { kind: 'invalid', reason: 'the key must be visible ASCII characters' };
  return { kind: 'present', key };
}

/**
 * The value without the optional white space (SP, HTAB) that HTTP allows around a field value. Not
 * `String.prototype.trim`, which also took control and non-ASCII characters (NBSP, VT, FF, CR, LF, U+2028,
 * BOM) off the ends, so that `abc<NBSP>` was accepted as `abc`.
 */
function trimOws(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isOws(text.charCodeAt(start))) start++;
  while (end > start && isOws(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

const isOws = (code: number) => code === 0x20 || code === 0x09;

/** RFC 8941 sf-string: `"` chars `"`, where chars are 0x20-0x7E and only `\"` and `\\` are escapes. */
function parseStructuredString(text: string): string | undefined {
  let out = '';
  for (let index = 1; index < text.length; index++) {
    const char = text[index]!;
    if (char === '"') return index === text.length - 1 ? out : undefined;
    if (char === '\\') {
      const next = text[++index];
      if (next !== '"' && next !== '\\') return undefined;
      out += next;
    } else if (char < ' ' || char > '~') {
      return undefined;
    } else {
      out += char;
    }
  }
  return undefined;
}

function valuesToKey(values: string[]): ExtractedKey {
  const first = values[0];
  if (first === undefined) return { kind: 'absent' };
  if (values.length > 1) return { kind: 'invalid', reason: 'the key parameter was sent more than once' };
  return scalarToKey(first);
}

function scalarToKey(value: unknown): ExtractedKey {
  const key = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof key !== 'string') return { kind: 'invalid', reason: 'the key must be a string or a number' };
  if (key.length === 0) return { kind: 'invalid', reason: 'the key is empty' };
  if (key.length > MAX_KEY_LENGTH)
    return { kind: 'invalid', reason: `the key is longer than ${MAX_KEY_LENGTH}` };
  if (LONE_SURROGATE.test(key)) return { kind: 'invalid', reason: 'the key is not well-formed Unicode' };
  return { kind: 'present', key };
}
