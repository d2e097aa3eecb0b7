import { isDeepStrictEqual } from 'node:util';
import type { JsonObject, JsonValue } from '../../spec/types.js';

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keywords whose values are data (instances), never schemas: left exactly as written. */
const DATA_KEYWORDS = new Set(['example', 'examples', 'default', 'const']);

/**
 * Keys whose values map names to schemas (or to OpenAPI objects holding schemas): a property named
 * `nullable` or `enum` is a name there, not a keyword.
 */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'schemas',
  'parameters',
  'requestBodies',
  'responses',
  'headers',
  'content',
]);

/** The keywords of one schema object fixed for ajv, in place on the (already copied) object. */
function adaptKeywords(out: JsonObject, openapi: '3.0' | '3.1'): void {
  // Draft-04 / OpenAPI 3.0 boolean `exclusiveMinimum` / `exclusiveMaximum` become the numeric form. In a 3.1
  // document a boolean there is never valid 2020-12, only the draft-04 meaning it is written in.
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[flag] !== 'boolean') continue;
    const limit = out[bound];
    if (out[flag] === true && typeof limit === 'number') {
      out[flag] = limit;
      delete out[bound];
    } else delete out[flag];
  }
  if (openapi === '3.1') {
    // Not a keyword in 3.1 (JSON Schema 2020-12): an annotation with no effect, as every 3.1 tool reads it.
    delete out.nullable;
  } else if (out.nullable !== undefined && out.type === undefined) {
    // OpenAPI 3.0.3: `nullable` without `type` has no effect (and ajv rejects it).
    delete out.nullable;
  }
  // An `enum` is a set: a repeated item changes nothing but makes ajv's meta-schema refuse the schema.
  if (Array.isArray(out.enum)) out.enum = withoutRepeats(out.enum);
}

/** The items in their order, each first occurrence only (primitives by a set, objects and arrays deeply). */
function withoutRepeats(values: JsonValue[]): JsonValue[] {
  const primitives = new Set<JsonValue>();
  const composites: JsonValue[] = [];
  return values.filter((value) => {
    if (typeof value !== 'object' || value === null) {
      if (primitives.has(value)) return false;
      primitives.add(value);
      return true;
    }
    if (composites.some((other) => isDeepStrictEqual(other, value))) return false;
    composites.push(value);
    return true;
  });
}

/**
 * A copy of `value` (a schema, or an OpenAPI object holding schemas) that ajv compiles: per schema object,
 * boolean exclusive bounds become numeric, `nullable` goes where it has no effect (3.0 without `type`, and
 * everywhere in 3.1), and a repeated `enum` item is dropped. Data keywords (`example`, `default`, `const`)
 * are kept as written; names in `properties` and other name maps are never read as keywords.
 */
export function adaptSchema(input: { value: JsonValue; openapi: '3.0' | '3.1' }): JsonValue {
  const { openapi } = input;
  const walk = (value: JsonValue, names: boolean): JsonValue => {
    if (Array.isArray(value)) return value.map((item) => walk(item, false));
    if (!isObject(value)) return value;
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(value)) {
      // Defined, not assigned: a name `__proto__` stays a name.
      const adapted = !names && DATA_KEYWORDS.has(key) ? child : walk(child, !names && NAME_MAPS.has(key));
      Object.defineProperty(out, key, {
        value: adapted,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    if (!names) adaptKeywords(out, openapi);
    return out;
  };
  return walk(input.value, false);
}
