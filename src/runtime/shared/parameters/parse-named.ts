/**
 * The locations made of `name=value` pairs (query string, `Cookie` header): the pairs grouped by decoded
 * name, then each parameter read from them by its style. Values are kept encoded until split on the style's
 * delimiter.
 */
import {
  contentValue,
  type Decode,
  decodeList,
  decodeOne,
  fail,
  ok,
  parseDelimited,
  quoted,
  recordOf,
} from './parse-members.js';
import { createParameterRecord } from './records.js';
import { explodeOf, shapeOf, styleOf } from './spec-defaults.js';
import type { ParameterSpec, ParameterStyle, ParsedParameters, ParseResult } from './types.js';

/** Decoded name -> its values in order, still encoded. */
export type Jar = Map<string, string[]>;

export function addToJar(jar: Jar, name: string, raw: string): void {
  const values = jar.get(name);
  if (values === undefined) jar.set(name, [raw]);
  else values.push(raw);
}

/**
 * The delimiters of the non-exploded styles, in either form a client may send: `spaceDelimited` as `%20`,
 * `+` (a space in a query) or a raw space; `pipeDelimited` as `%7C` or a raw `|` (the style table's note).
 * A `,` is split on only when raw: `%2C` is a comma inside an item, as the serializer writes it.
 */
const SEPARATORS: Partial<Record<ParameterStyle, RegExp>> = {
  spaceDelimited: /%20| |\+/i,
  pipeDelimited: /%7C|\|/i,
};

/** `filter[a]`, when `filter` is declared: a deepObject's name, not a free property. */
function claimedByPrefix(name: string, claimed: ReadonlySet<string>): boolean {
  const bracket = name.indexOf('[');
  return bracket > 0 && claimed.has(name.slice(0, bracket));
}

/** `color[R]=100&color[G]=200` (brackets encoded or not) -> `{ R: '100', G: '200' }`. */
function parseDeepObject(name: string, jar: Jar, decode: Decode): ParseResult | undefined {
  const prefix = `${name}[`;
  const entries: Array<[string, string]> = [];
  for (const [key, raws] of jar) {
    if (!key.startsWith(prefix)) continue;
    if (!key.endsWith(']')) return fail('has a deepObject name without its closing `]`');
    const property = key.slice(prefix.length, -1);
    if (property.includes('[') || property.includes(']')) {
      return fail(
        'nests a deepObject property deeper than one level, which the specification does not define',
      );
    }
    if (raws.length > 1) return fail(`gives the property ${quoted(property)} more than once`);
    entries.push([property, raws[0] ?? '']);
  }
  return entries.length === 0 ? undefined : recordOf(entries, decode, false);
}

/**
 * `R=100&G=200` -> `{ R: '100', G: '200' }`: the declared `properties`, else every name no other parameter
 * claims. A lone `color=` (the style table's "undefined" column) is the empty object.
 */
function parseExplodedObject(
  spec: ParameterSpec,
  jar: Jar,
  claimed: ReadonlySet<string>,
  decode: Decode,
): ParseResult | undefined {
  const names =
    spec.properties ??
    [...jar.keys()].filter((name) => !claimed.has(name) && !claimedByPrefix(name, claimed));
  const entries: Array<[string, string]> = [];
  for (const name of names) {
    const raws = jar.get(name);
    if (raws === undefined) continue;
    if (raws.length > 1) return fail(`gives the property ${quoted(name)} more than once`);
    entries.push([name, raws[0] ?? '']);
  }
  if (entries.length === 0) return jar.has(spec.name) ? ok(createParameterRecord()) : undefined;
  return recordOf(entries, decode, false);
}

/** One parameter's value, `undefined` when absent. */
function parseNamed(
  spec: ParameterSpec,
  jar: Jar,
  claimed: ReadonlySet<string>,
  decode: Decode,
): ParseResult | undefined {
  const style = styleOf(spec);
  const exploded = explodeOf(spec) && style !== 'deepObject';
  const shape = shapeOf(spec);
  if (spec.contentType === undefined && shape === 'object') {
    if (style === 'deepObject') return parseDeepObject(spec.name, jar, decode);
    if (exploded) return parseExplodedObject(spec, jar, claimed, decode);
  }
  const raws = jar.get(spec.name);
  if (raws === undefined) return undefined;
  if (spec.contentType === undefined && shape === 'array' && exploded) {
    return raws.length === 1 && raws[0] === '' ? ok([]) : decodeList(raws, decode);
  }
  const [raw] = raws;
  if (raws.length > 1 || raw === undefined) return fail('is given more than once');
  if (spec.contentType !== undefined) return contentValue(spec.contentType, raw, decode);
  if (shape === 'primitive') return decodeOne(raw, decode);
  return parseDelimited(raw, shape, SEPARATORS[style] ?? ',', false, decode);
}

/** The given parameters' values from the jar; `declared` names every parameter of the location. */
export function collectNamed(
  specs: readonly ParameterSpec[],
  jar: Jar,
  declared: readonly string[],
  decode: Decode,
): ParsedParameters {
  const values = createParameterRecord<unknown>();
  const issues: ParsedParameters['issues'] = [];
  const claimed = new Set(declared);
  for (const spec of specs) claimed.add(spec.name);
  for (const spec of specs) {
    const result = parseNamed(spec, jar, claimed, decode);
    if (result === undefined) continue;
    if (result.ok) values[spec.name] = result.value;
    else issues.push({ name: spec.name, message: result.message });
  }
  return { values, issues };
}
