import type { JsonObject, JsonValue } from '../../spec/types.js';

/** The id under which the whole OpenAPI document is added to ajv; `$ref`s in request schemas point into it. */
export const DOCUMENT_ID = 'https://idemgen.invalid/openapi.json';

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * OpenAPI 3.0's schema dialect, made acceptable to ajv's draft-07: boolean `exclusiveMinimum` /
 * `exclusiveMaximum` (draft-04 style) become the numeric form, and `nullable` without a `type` (which
 * OpenAPI 3.0.3 says has no effect, and ajv rejects) is dropped. Returns a new value.
 */
function toDraft07(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(toDraft07);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) out[key] = toDraft07(child);
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
  if (out.nullable !== undefined && out.type === undefined) delete out.nullable;
  return out;
}

/** Rewrites local `$ref`s (`#/components/...`) so that they resolve inside the document under its id. */
export function rebaseSchemaRefs(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(rebaseSchemaRefs);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] =
      key === '$ref' && typeof child === 'string' && child.startsWith('#')
        ? `${DOCUMENT_ID}${child}`
        : rebaseSchemaRefs(child);
  }
  return out;
}

/** The document as ajv reads it: 3.0 schemas adapted to draft-07, 3.1 as it is (2020-12 already). */
export function documentToSchema(input: { document: JsonObject; openapi: '3.0' | '3.1' }): JsonObject {
  const { document, openapi } = input;
  return openapi === '3.0' ? (toDraft07(document) as JsonObject) : document;
}

/** A schema taken from the document (a parameter's or a body's), adapted and with its refs rewritten. */
export function operationSchemaToSchema(input: { schema: JsonValue; openapi: '3.0' | '3.1' }): JsonValue {
  const adapted = input.openapi === '3.0' ? toDraft07(input.schema) : input.schema;
  return rebaseSchemaRefs(adapted);
}
