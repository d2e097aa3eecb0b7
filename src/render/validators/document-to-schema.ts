import { isObject, type JsonObject, type JsonValue } from '../../core/json.js';
import { adaptSchema, type SchemaChecks } from './adapt-schema.js';

/** The id under which the whole OpenAPI document is added to ajv; `$ref`s in request schemas point into it. */
export const DOCUMENT_ID = 'https://idemgen.invalid/openapi.json';

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

/**
 * The document as ajv reads it: 3.0 schemas adapted to draft-07, 3.1 schemas to what ajv's 2020-12 compiles
 * (see `adaptSchema`).
 */
export function documentToSchema(input: {
  document: JsonObject;
  openapi: '3.0' | '3.1';
  checks?: SchemaChecks;
}): JsonObject {
  return adaptSchema({ value: input.document, root: 'document', ...input }) as JsonObject;
}

/** A schema taken from the document (a parameter's or a body's), adapted and with its refs rewritten. */
export function operationSchemaToSchema(input: {
  schema: JsonValue;
  openapi: '3.0' | '3.1';
  /** Where the schema is in the spec (for `checks`). */
  pointer?: string;
  checks?: SchemaChecks;
}): JsonValue {
  const { schema, ...rest } = input;
  return rebaseSchemaRefs(adaptSchema({ value: schema, ...rest }));
}
