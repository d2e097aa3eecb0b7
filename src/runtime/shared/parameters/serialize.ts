/**
 * Client side: a value -> its text on the wire, per the parameter's location and style (OpenAPI 3.0/3.1
 * Parameter Object, "Style Examples"; RFC 6570 expansion for `matrix`, `label`, `simple` and `form`).
 *
 * - Values: a primitive's text is `String()` (a `Date` as ISO 8601); array items and object members that are
 *   `null` or `undefined` are left out; nested arrays and objects (undefined by the specification) go as JSON.
 * - `null` or `undefined` leaves the parameter out (query: `''`, header and cookie: `undefined`; a path
 *   parameter, which cannot be left out, gets the table's "undefined" column).
 * - An empty array or object is written as the table's "undefined" column: `;color` (matrix), `.` (label),
 *   `''` (simple, header), `color=` (form, spaceDelimited, pipeDelimited, cookie); a `deepObject` writes
 *   nothing.
 * - Combinations the table marks n/a are written as the nearest defined one: `spaceDelimited` and
 *   `pipeDelimited` with `explode: true`, or with a primitive, as `form`; `deepObject` with a non-object as
 *   `form`, and with `explode: false` as with `true`. The parser reads them the same way.
 * - A parameter declared with `content` is written as its media type (JSON: `JSON.stringify`, else the text)
 *   and then percent-encoded as a primitive; `style`, `explode` and `allowReserved` do not apply.
 *
 * @see https://spec.openapis.org/oas/v3.1.0#style-examples OpenAPI 3.1 Parameter Object, Style Examples
 * @see https://www.rfc-editor.org/rfc/rfc6570#section-3.2 RFC 6570 section 3.2, expression expansion
 */
import { encodeHeader, encodeReserved, encodeStrict } from './percent.js';
import { explodeOf, isJsonParameterContentType, scalarText, shapeOf, styleOf } from './spec-defaults.js';
import type { ParameterSpec, ParameterStyle } from './types.js';

type Members =
  | { kind: 'primitive'; text: string }
  | { kind: 'array'; items: string[] }
  | { kind: 'object'; pairs: Array<[string, string]> };

type Encode = (text: string) => string;

const isAbsent = (value: unknown): value is null | undefined => value === null || value === undefined;

/** The value as the text of a primitive, of each array item, or of each object member. */
function membersOf(spec: ParameterSpec, value: unknown): Members {
  if (isAbsent(value)) return { kind: 'array', items: [] };
  if (spec.contentType !== undefined) {
    const text = isJsonParameterContentType(spec.contentType)
      ? (JSON.stringify(value) ?? '')
      : scalarText(value);
    return { kind: 'primitive', text };
  }
  const shape = shapeOf(spec, value);
  if (shape === 'array') {
    const list: readonly unknown[] = Array.isArray(value) ? value : [value];
    return { kind: 'array', items: list.filter((item) => !isAbsent(item)).map(scalarText) };
  }
  if (shape === 'object' && typeof value === 'object') {
    const pairs: Array<[string, string]> = [];
    for (const [key, member] of Object.entries(value)) {
      if (!isAbsent(member)) pairs.push([key, scalarText(member)]);
    }
    return { kind: 'object', pairs };
  }
  return { kind: 'primitive', text: scalarText(value) };
}

const isEmpty = (members: Members): boolean =>
  (members.kind === 'array' && members.items.length === 0) ||
  (members.kind === 'object' && members.pairs.length === 0);

/** An object's members as the flat `key,value,...` list of the non-exploded styles. */
const flatPairs = (pairs: Array<[string, string]>, encode: Encode): string[] =>
  pairs.flatMap(([key, value]) => [encode(key), encode(value)]);

/** RFC 6570 `;` names a value, and an empty value is the name alone (`;color`). */
const matrixPair = (name: string, value: string): string => (value === '' ? `;${name}` : `;${name}=${value}`);

function serializeMatrix(name: string, members: Members, explode: boolean): string {
  if (isEmpty(members)) return `;${name}`;
  switch (members.kind) {
    case 'primitive':
      return matrixPair(name, encodeStrict(members.text));
    case 'array':
      return explode
        ? members.items.map((item) => matrixPair(name, encodeStrict(item))).join('')
        : matrixPair(name, members.items.map(encodeStrict).join(','));
    case 'object':
      return explode
        ? members.pairs.map(([key, value]) => matrixPair(encodeStrict(key), encodeStrict(value))).join('')
        : matrixPair(name, flatPairs(members.pairs, encodeStrict).join(','));
  }
}

/** `simple` and `label` (without its `.`): items joined by `separator`, exploded members as `key=value`. */
function serializeUnnamed(members: Members, explode: boolean, separator: string, encode: Encode): string {
  switch (members.kind) {
    case 'primitive':
      return encode(members.text);
    case 'array':
      return members.items.map(encode).join(separator);
    case 'object':
      return explode
        ? members.pairs.map(([key, value]) => `${encode(key)}=${encode(value)}`).join(separator)
        : flatPairs(members.pairs, encode).join(separator);
  }
}

/** The text that replaces `{name}` in the path template, percent-encoded (`label`/`matrix` with their prefix). */
export function serializePathParameter(spec: ParameterSpec, value: unknown): string {
  const members = membersOf(spec, value);
  const style = spec.contentType === undefined ? styleOf(spec) : 'simple';
  const explode = explodeOf(spec);
  if (style === 'matrix') return serializeMatrix(encodeStrict(spec.name), members, explode);
  if (style === 'label') return `.${serializeUnnamed(members, explode, explode ? '.' : ',', encodeStrict)}`;
  return serializeUnnamed(members, explode, ',', encodeStrict);
}

const QUERY_SEPARATORS: Partial<Record<ParameterStyle, string>> = {
  spaceDelimited: '%20',
  pipeDelimited: '%7C',
};

/**
 * The parameter's part of the query string, percent-encoded, without `?` or a leading `&`
 * (`color=blue&color=black`, `color%5BR%5D=100`, ...); `''` when the value is `undefined` or `null`.
 */
export function serializeQueryParameter(spec: ParameterSpec, value: unknown): string {
  if (isAbsent(value)) return '';
  const members = membersOf(spec, value);
  const name = encodeStrict(spec.name);
  const encode =
    spec.allowReserved === true && spec.contentType === undefined ? encodeReserved : encodeStrict;
  const style = styleOf(spec);
  if (members.kind === 'object' && style === 'deepObject') {
    return members.pairs.map(([key, member]) => `${name}%5B${encode(key)}%5D=${encode(member)}`).join('&');
  }
  if (members.kind === 'primitive') return `${name}=${encode(members.text)}`;
  if (isEmpty(members)) return `${name}=`;
  if (explodeOf(spec) && style !== 'deepObject') {
    return members.kind === 'array'
      ? members.items.map((item) => `${name}=${encode(item)}`).join('&')
      : members.pairs.map(([key, member]) => `${encode(key)}=${encode(member)}`).join('&');
  }
  const separator = QUERY_SEPARATORS[style] ?? ',';
  const items = members.kind === 'array' ? members.items.map(encode) : flatPairs(members.pairs, encode);
  return `${name}=${items.join(separator)}`;
}

/**
 * The header's field value (`simple`, the only style for headers); `undefined` when the value is `undefined`
 * or `null`. Percent-encoded only where a field value needs it (see `encodeHeader`).
 */
export function serializeHeaderParameter(spec: ParameterSpec, value: unknown): string | undefined {
  if (isAbsent(value)) return undefined;
  const members = membersOf(spec, value);
  switch (members.kind) {
    case 'primitive':
      return encodeHeader(members.text, 'primitive');
    case 'array':
      return members.items.map((item) => encodeHeader(item, 'item')).join(',');
    case 'object':
      return explodeOf(spec)
        ? members.pairs
            .map(([key, member]) => `${encodeHeader(key, 'key')}=${encodeHeader(member, 'item')}`)
            .join(',')
        : members.pairs
            .flatMap(([key, member]) => [encodeHeader(key, 'item'), encodeHeader(member, 'item')])
            .join(',');
  }
}

/**
 * The parameter's `name=value` pairs for the `Cookie` header (joined by `; `); `undefined`: none.
 *
 * Appendix D calls `form` for cookies ambiguous for one value and incorrect for several, and leaves the
 * result implementation-defined. The choice here: the style table's `form` text without its `?` prefix and
 * with `; ` (the cookie pair separator) in place of `&`: `color=blue`, `color=blue,black,brown` (not
 * exploded), `color=blue; color=black; color=brown` and `R=100; G=200; B=150` (exploded). Names and values
 * are percent-encoded as RFC 6570 form expansion does (as the `cookie` package's default `encodeURIComponent`
 * does), so a value never carries `;`, `,`, space or `"`.
 */
export function serializeCookieParameter(spec: ParameterSpec, value: unknown): string | undefined {
  if (isAbsent(value)) return undefined;
  const members = membersOf(spec, value);
  const name = encodeStrict(spec.name);
  if (members.kind === 'primitive') return `${name}=${encodeStrict(members.text)}`;
  if (isEmpty(members)) return `${name}=`;
  if (!explodeOf(spec)) {
    const items = members.kind === 'array' ? members.items : members.pairs.flat();
    return `${name}=${items.map(encodeStrict).join(',')}`;
  }
  return members.kind === 'array'
    ? members.items.map((item) => `${name}=${encodeStrict(item)}`).join('; ')
    : members.pairs.map(([key, member]) => `${encodeStrict(key)}=${encodeStrict(member)}`).join('; ');
}
