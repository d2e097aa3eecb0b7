/**
 * Validates JSON values against schemas of the spec (request bodies before they are sent, answers against
 * the declared responses), with ajv over the whole document, adapted as the generator's validators adapt it
 * (OpenAPI 3.0 on draft-07, 3.1 on 2020-12). A schema ajv cannot compile validates nothing (`undefined`).
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { JsonObject, JsonValue } from '../core/json.js';
import {
  DOCUMENT_ID,
  documentToSchema,
  operationSchemaToSchema,
} from '../render/validators/document-to-schema.js';

type AddFormats = (ajv: Ajv | Ajv2020, options: { mode: 'full'; keywords: boolean }) => unknown;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as AddFormats;

export interface SchemaValidator {
  /** Error messages (empty: valid), or `undefined` when the schema cannot be compiled. */
  validate(schema: JsonValue, value: unknown): string[] | undefined;
}

export function createSchemaValidator(input: {
  document: JsonObject;
  openapi: '3.0' | '3.1';
}): SchemaValidator {
  const options = { strict: false, allErrors: true, logger: false as const, validateSchema: false };
  const ajv = input.openapi === '3.1' ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv, { mode: 'full', keywords: false });
  let documentAdded = true;
  try {
    ajv.addSchema(documentToSchema({ document: input.document, openapi: input.openapi }), DOCUMENT_ID);
  } catch {
    documentAdded = false;
  }
  const compiled = new WeakMap<object, ValidateFunction | null>();
  const compile = (schema: JsonValue): ValidateFunction | undefined => {
    const cacheKey = typeof schema === 'object' && schema !== null ? schema : undefined;
    const cached = cacheKey ? compiled.get(cacheKey) : undefined;
    if (cached !== undefined) return cached ?? undefined;
    let fn: ValidateFunction | null = null;
    try {
      if (documentAdded)
        fn = ajv.compile(operationSchemaToSchema({ schema, openapi: input.openapi }) as object);
    } catch {
      fn = null;
    }
    if (cacheKey) compiled.set(cacheKey, fn);
    return fn ?? undefined;
  };
  return {
    validate(schema, value) {
      const fn = compile(schema);
      if (!fn) return undefined;
      if (fn(value)) return [];
      return (fn.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}`);
    },
  };
}
