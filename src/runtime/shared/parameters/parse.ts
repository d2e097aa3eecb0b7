/**
 * Server side: the raw text a spec-following client sent -> the value, before validation. Values stay
 * strings (objects of strings, arrays of strings): the validator coerces them to the schema's types.
 *
 * - Text is split on the style's delimiters before it is percent-decoded, so an encoded delimiter (`%2C`)
 *   stays inside its item. `|`, `[`, `]` are read encoded or raw; `,` only raw (see `parse-named.ts`).
 * - In the query string `+` is a space (`application/x-www-form-urlencoded`, Appendix E; the serializer
 *   writes a `+` as `%2B`); in paths, headers and cookies it is itself.
 * - The style table's "undefined" text (`;color`, `.`, `''`, `color=`) is the empty array or object for
 *   those shapes, and the empty string for a primitive; so `[]` and `['']` are written alike and read as `[]`.
 * - Text that does not parse (a malformed `%` escape, matrix text without `;name`, an object with an odd
 *   number of items, a deepObject nested deeper than one level, a name given twice) is an issue, not a throw.
 * - Objects are null-prototype records: `__proto__` or `constructor` from a client is an own property.
 * - Combinations the style table marks n/a are read as the serializer writes them (see `serialize.ts`).
 *
 * @see https://spec.openapis.org/oas/v3.1.0#style-examples OpenAPI 3.1 Parameter Object, Style Examples
 * @see https://www.rfc-editor.org/rfc/rfc3986#section-2.1 RFC 3986 section 2.1, percent-encoding
 */
import {
  contentValue,
  decodeForm,
  decodeList,
  decodePlain,
  fail,
  ok,
  parseDelimited,
  recordOf,
} from './parse-members.js';
import { addToJar, collectNamed, type Jar } from './parse-named.js';
import { trimOws } from './percent.js';
import { createParameterRecord } from './records.js';
import { explodeOf, shapeOf, styleOf } from './spec-defaults.js';
import type { ParameterShape, ParameterSpec, ParsedParameters, ParseResult } from './types.js';

/** `name=value` or `name` (RFC 6570 `;`: an empty value is the name alone), still encoded. */
function matrixPieces(text: string): Array<[string, string | undefined]> {
  return text.split(';').map((piece) => {
    const equals = piece.indexOf('=');
    return equals < 0 ? [piece, undefined] : [piece.slice(0, equals), piece.slice(equals + 1)];
  });
}

function parseMatrix(name: string, raw: string, shape: ParameterShape, explode: boolean): ParseResult {
  if (!raw.startsWith(';')) return fail(`is matrix style and must start with \`;${name}\``);
  const pieces = matrixPieces(raw.slice(1));
  const [first] = pieces;
  /** `;color`: the style table's "undefined" text. */
  const bareName =
    pieces.length === 1 && first !== undefined && first[1] === undefined && decodePlain(first[0]) === name;
  if (shape === 'object' && explode) {
    if (bareName) return ok(createParameterRecord());
    return recordOf(
      pieces.map(([key, value]) => [key, value ?? ''] as const),
      decodePlain,
    );
  }
  if (pieces.some(([key]) => decodePlain(key) !== name)) {
    return fail(`is matrix style and each part must be \`;${name}=value\``);
  }
  if (shape === 'array' && explode) {
    return bareName
      ? ok([])
      : decodeList(
          pieces.map(([, value]) => value ?? ''),
          decodePlain,
        );
  }
  if (pieces.length !== 1 || first === undefined) {
    return fail(`is matrix style and gives \`;${name}\` more than once`);
  }
  return parseDelimited(first[1] ?? '', shape, ',', false, decodePlain);
}

/** One path segment's text, still percent-encoded as received (`.blue`, `;color=blue,black`). */
export function parsePathParameter(spec: ParameterSpec, raw: string): ParseResult {
  if (spec.contentType !== undefined) return contentValue(spec.contentType, raw, decodePlain);
  const shape = shapeOf(spec);
  const explode = explodeOf(spec);
  switch (styleOf(spec)) {
    case 'matrix':
      return parseMatrix(spec.name, raw, shape, explode);
    case 'label':
      if (!raw.startsWith('.')) return fail('is label style and must start with `.`');
      return parseDelimited(raw.slice(1), shape, explode ? '.' : ',', explode, decodePlain);
    default:
      return parseDelimited(raw, shape, ',', explode, decodePlain);
  }
}

/**
 * The query string (without `?`, still percent-encoded) -> the values of the given parameters. `declared`
 * names every query parameter of the operation, so that a `form`-exploded object without declared
 * properties takes only the names no other parameter claims (nor `name[...]` for a declared `name`).
 * A name whose own encoding is malformed is skipped (it cannot be a declared one).
 */
export function parseQueryParameters(
  specs: readonly ParameterSpec[],
  rawQuery: string,
  declared: readonly string[],
): ParsedParameters {
  const jar: Jar = new Map();
  const query = rawQuery.startsWith('?') ? rawQuery.slice(1) : rawQuery;
  for (const pair of query === '' ? [] : query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decodeForm(equals < 0 ? pair : pair.slice(0, equals));
    if (name !== undefined) addToJar(jar, name, equals < 0 ? '' : pair.slice(equals + 1));
  }
  return collectNamed(specs, jar, declared, decodeForm);
}

/**
 * One header's field value (repeated fields already joined by `, `): `simple`, items split on `,` with the
 * optional whitespace around them trimmed, then percent-decoded (the serializer encodes only `%`, controls,
 * non-ASCII, spaces at either end and, in items, `,`).
 */
export function parseHeaderParameter(spec: ParameterSpec, raw: string): ParseResult {
  const text = trimOws(raw);
  if (spec.contentType !== undefined) return contentValue(spec.contentType, text, decodePlain);
  const shape = shapeOf(spec);
  if (shape === 'primitive') return parseDelimited(text, shape, ',', false, decodePlain);
  const items = text === '' ? [] : text.split(',').map(trimOws);
  return parseDelimited(items.join(','), shape, ',', explodeOf(spec), decodePlain);
}

/**
 * The `Cookie` header -> the values of the given cookie parameters (absent cookies left out), read as the
 * serializer writes them (`form` whatever the declared style; see `serializeCookieParameter`). `declared`
 * (default: the given parameters' names) is what an exploded object without `properties` leaves to others.
 * Values in double quotes (RFC 6265 allows them) are unquoted; cookies without `=` are skipped.
 */
export function parseCookieParameters(
  specs: readonly ParameterSpec[],
  cookieHeader: string,
  declared: readonly string[] = specs.map((spec) => spec.name),
): ParsedParameters {
  const jar: Jar = new Map();
  for (const pair of cookieHeader.split(';')) {
    const equals = pair.indexOf('=');
    if (equals < 0) continue;
    const name = decodePlain(trimOws(pair.slice(0, equals)));
    let value = trimOws(pair.slice(equals + 1));
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (name !== undefined && name !== '') addToJar(jar, name, value);
  }
  const asForm = specs.map((spec): ParameterSpec => ({ ...spec, style: 'form', explode: explodeOf(spec) }));
  return collectNamed(asForm, jar, declared, decodePlain);
}
