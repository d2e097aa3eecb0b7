/** The pieces of a parsed parameter: decoding, arrays, objects, and `content` media types. */
import { percentDecode } from './percent.js';
import { createParameterRecord } from './records.js';
import { isJsonParameterContentType } from './spec-defaults.js';
import type { ParameterShape, ParseResult } from './types.js';

export type Decode = (text: string) => string | undefined;

/** Paths, headers and cookies: `+` is itself. */
export const decodePlain: Decode = (text) => percentDecode(text, false);
/** Query strings are `application/x-www-form-urlencoded` (Appendix E): `+` is a space. */
export const decodeForm: Decode = (text) => percentDecode(text, true);

export const MALFORMED = 'is not well-formed percent-encoding (each `%` must start two hex digits of UTF-8)';

export const ok = (value: unknown): ParseResult => ({ ok: true, value });
export const fail = (message: string): ParseResult => ({ ok: false, message });

/** A name for a message, cut short (a hostile name can be long). */
export const quoted = (name: string): string =>
  JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);

export function decodeOne(raw: string, decode: Decode): ParseResult {
  const text = decode(raw);
  return text === undefined ? fail(MALFORMED) : ok(text);
}

export function decodeList(raws: readonly string[], decode: Decode): ParseResult {
  const list: string[] = [];
  for (const raw of raws) {
    const text = decode(raw);
    if (text === undefined) return fail(MALFORMED);
    list.push(text);
  }
  return ok(list);
}

/** `[key, value]` entries (still encoded unless `decodeKey` is false) -> a null-prototype record. */
export function recordOf(
  entries: Iterable<readonly [string, string]>,
  decode: Decode,
  decodeKey = true,
): ParseResult {
  const record = createParameterRecord<string>();
  for (const [rawKey, rawValue] of entries) {
    const key = decodeKey ? decode(rawKey) : rawKey;
    const value = decode(rawValue);
    if (key === undefined || value === undefined) return fail(MALFORMED);
    if (Object.hasOwn(record, key)) return fail(`gives the property ${quoted(key)} more than once`);
    record[key] = value;
  }
  return ok(record);
}

/** `key=value` items (exploded objects); `emptyWithoutEquals`: a bare `key` is an empty value (matrix). */
export function keyValueRecord(
  items: readonly string[],
  decode: Decode,
  emptyWithoutEquals: boolean,
): ParseResult {
  const entries: Array<[string, string]> = [];
  for (const item of items) {
    const equals = item.indexOf('=');
    if (equals >= 0) entries.push([item.slice(0, equals), item.slice(equals + 1)]);
    else if (emptyWithoutEquals) entries.push([item, '']);
    else return fail('is an exploded object whose items must each be `key=value`');
  }
  return recordOf(entries, decode);
}

/** `key,value,key,value` items (objects not exploded). */
export function flatPairsRecord(items: readonly string[], decode: Decode): ParseResult {
  if (items.length % 2 !== 0) {
    return fail('is an object written as `key,value` pairs but has an odd number of items');
  }
  const entries: Array<[string, string]> = [];
  for (let index = 0; index < items.length; index += 2) {
    entries.push([items[index] ?? '', items[index + 1] ?? '']);
  }
  return recordOf(entries, decode);
}

/**
 * Text holding a whole value, split on the style's delimiter before decoding (so an encoded delimiter inside
 * an item stays in the item). `''` is the empty array or object (the style table's "undefined" column).
 */
export function parseDelimited(
  text: string,
  shape: ParameterShape,
  separator: string | RegExp,
  keyValue: boolean,
  decode: Decode,
): ParseResult {
  if (shape === 'primitive') return decodeOne(text, decode);
  const items = text === '' ? [] : text.split(separator);
  if (shape === 'array') return decodeList(items, decode);
  return keyValue ? keyValueRecord(items, decode, false) : flatPairsRecord(items, decode);
}

/** A parameter declared with `content`: JSON media types are parsed (a failure is an issue), others are text. */
export function contentValue(contentType: string, raw: string, decode: Decode): ParseResult {
  const text = decode(raw);
  if (text === undefined) return fail(MALFORMED);
  if (!isJsonParameterContentType(contentType)) return ok(text);
  try {
    return ok(JSON.parse(text));
  } catch {
    return fail(`is not valid JSON, which its media type ${quoted(contentType)} requires`);
  }
}
