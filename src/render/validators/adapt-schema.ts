import { isDeepStrictEqual } from 'node:util';
import { isObject, type JsonObject, type JsonValue } from '../../core/json.js';

/** Keywords whose values are data (instances), never schemas: left exactly as written. */
const DATA_KEYWORDS = new Set(['example', 'examples', 'default', 'const', 'enum']);

/** Schema keywords whose values map names to schemas: `properties.nullable` is a name, not a keyword. */
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/** OpenAPI 3.1's base dialect (the default of `jsonSchemaDialect`). */
const OAS_DIALECT = /^https:\/\/spec\.openapis\.org\/oas\/3\.1\/dialect\/base#?$/;

/** One keyword dropped because ajv cannot compile it: where it is (a pointer into the spec), and why. */
export interface UncheckedKeyword {
  pointer: string;
  keyword: string;
  /** The entry of a name map (`properties`, ...) dropped instead of the whole keyword. */
  name?: string;
  reason: string;
}

/** Keyword checks to apply while adapting, and where to record the keywords dropped. */
export interface SchemaChecks {
  check: (schema: JsonObject) => Omit<UncheckedKeyword, 'pointer'>[];
  unchecked: UncheckedKeyword[];
}

/** What the walk is inside: OpenAPI objects, a schema, or a map from names to schemas. */
type Mode = 'openapi' | 'schema' | 'names';

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
    // OpenAPI 3.1's own dialect is 2020-12 with annotation vocabularies: compiled as the document's dialect
    // (ajv knows no meta-schema under that id).
    if (typeof out.$schema === 'string' && OAS_DIALECT.test(out.$schema)) delete out.$schema;
  } else if (out.nullable !== undefined && out.type === undefined) {
    // OpenAPI 3.0.3: `nullable` without `type` has no effect (and ajv rejects it).
    delete out.nullable;
  }
  // `type: "null"` beside a `oneOf` is how some converters write a nullable union (Vercel's spec). Read
  // strictly it admits nothing, unless a member admits null; the types read it as "null or one of these"
  // (src/render/null-type-one-of.ts), and so do the validators.
  if (out.type === 'null' && Array.isArray(out.oneOf) && out.oneOf.length > 0) {
    delete out.type;
    out.oneOf = [...out.oneOf, { type: 'null' }];
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
 * A copy of `value` that ajv compiles. `value` is a schema (`root: 'schema'`) or the OpenAPI document
 * (`root: 'document'`: schemas are found under `schema` and `schemas` keys). Per schema object, boolean
 * exclusive bounds become numeric, `nullable` goes where it has no effect (3.0 without `type`, and
 * everywhere in 3.1), and a repeated `enum` item is dropped. Data keywords (`example`, `default`, `const`,
 * `enum` items, `x-` extensions) are kept as written; names in `properties` and other name maps are never
 * read as keywords. With `checks`, every keyword its `check` reports is dropped and recorded in `unchecked` with its
 * pointer (`pointer` is where `value` is in the spec): the rest of the schema is still compiled.
 */
export function adaptSchema(input: {
  value: JsonValue;
  openapi: '3.0' | '3.1';
  root?: 'schema' | 'document';
  pointer?: string;
  checks?: SchemaChecks;
}): JsonValue {
  const { openapi, checks } = input;
  const walk = (value: JsonValue, mode: Mode, pointer: string): JsonValue => {
    if (Array.isArray(value)) {
      const itemMode = mode === 'openapi' ? 'openapi' : 'schema';
      return value.map((item, index) => walk(item, itemMode, `${pointer}/${index}`));
    }
    if (!isObject(value)) return value;
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(value)) {
      const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      let adapted: JsonValue;
      if (mode === 'names') adapted = walk(child, 'schema', at);
      else if (key.startsWith('x-') || key === 'example' || key === 'examples') adapted = child;
      else if (mode === 'openapi') {
        adapted = walk(child, key === 'schema' ? 'schema' : key === 'schemas' ? 'names' : 'openapi', at);
      } else if (DATA_KEYWORDS.has(key)) adapted = child;
      else adapted = walk(child, NAME_MAPS.has(key) ? 'names' : 'schema', at);
      // Defined, not assigned: a name `__proto__` stays a name.
      Object.defineProperty(out, key, {
        value: adapted,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    if (mode === 'schema') {
      adaptKeywords(out, openapi);
      for (const problem of checks?.check(out) ?? []) {
        const map = out[problem.keyword];
        if (problem.name === undefined) delete out[problem.keyword];
        else if (isObject(map)) delete map[problem.name];
        const path = problem.name === undefined ? [problem.keyword] : [problem.keyword, problem.name];
        const at = path.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
        checks?.unchecked.push({ pointer: `${pointer}/${at}`, ...problem });
      }
    }
    return out;
  };
  return walk(input.value, input.root === 'document' ? 'openapi' : 'schema', input.pointer ?? '');
}
