import type { JsonObject, JsonValue } from '../../core/json.js';
import type { SchemaChecks } from './adapt-schema.js';
import { operationSchemaToSchema } from './document-to-schema.js';
import type { ValidatorResponse } from './response-validators.js';
import { bodySchemaPointer, formSchemaPointer } from './schema-errors.js';

export interface ValidatorParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** Absent: any value. */
  schema?: JsonValue;
  /** Where the parameter is in the spec (for diagnostics about its schema). */
  pointer?: string;
}

export interface ValidatorOperation {
  id: string;
  /** Where the operation is in the spec (for diagnostics about its schemas). */
  pointer?: string;
  parameters: readonly ValidatorParameter[];
  requestBody?: {
    required: boolean;
    jsonSchema?: JsonValue;
    /** The schema of the form media type (urlencoded or multipart), validated with coercion. */
    formSchema?: JsonValue;
    pointer?: string;
    mediaTypes?: readonly string[];
  };
  /** The declared responses: read only when response validators are asked for. */
  responses?: readonly ValidatorResponse[];
}

const PARTS = { path: 'path', query: 'query', header: 'headers', cookie: 'cookies' } as const;

/**
 * One JSON schema for an operation's parameters: `{ path, query, headers }`, and `cookies` when it has cookie
 * parameters, each an object whose properties are the parameters of that location (header names
 * lower-cased, since HTTP header names are case-insensitive). Unknown parameters are allowed.
 */
export function operationToParamsSchema(input: {
  operation: ValidatorOperation;
  openapi: '3.0' | '3.1';
  checks?: SchemaChecks;
  /** Given each parameter's schema, returns it or a `$ref` to a shared copy (see `createSchemaSharer`). */
  share?: (schema: JsonValue) => JsonValue;
}): JsonObject {
  const parts: Record<string, { properties: JsonObject; required: string[] }> = {
    path: { properties: {}, required: [] },
    query: { properties: {}, required: [] },
    headers: { properties: {}, required: [] },
  };
  if (hasCookieParameters(input.operation)) parts.cookies = { properties: {}, required: [] };
  for (const parameter of input.operation.parameters) {
    const part = parts[PARTS[parameter.in]]!;
    const name = parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name;
    const schema =
      parameter.schema === undefined
        ? {}
        : operationSchemaToSchema({
            schema: parameter.schema,
            openapi: input.openapi,
            ...(parameter.pointer === undefined ? {} : { pointer: `${parameter.pointer}/schema` }),
            ...(input.checks === undefined ? {} : { checks: input.checks }),
          });
    // Defined, not assigned: a parameter named `__proto__` would otherwise set the object's prototype.
    Object.defineProperty(part.properties, name, {
      value: input.share === undefined ? schema : input.share(schema),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    if (parameter.required || parameter.in === 'path') part.required.push(name);
  }
  const properties: JsonObject = {};
  for (const [name, part] of Object.entries(parts)) {
    properties[name] = { type: 'object', properties: part.properties, required: part.required };
  }
  return { type: 'object', properties, required: ['path', 'query', 'headers'] };
}

/** Whether the operation has cookie parameters (then its validator checks a `cookies` part). */
export const hasCookieParameters = (operation: ValidatorOperation): boolean =>
  operation.parameters.some((p) => p.in === 'cookie');

/**
 * The JSON schema of the request body (`form`: of its form media type), or undefined when the operation
 * has no such schema.
 */
export function operationToBodySchema(input: {
  operation: ValidatorOperation;
  openapi: '3.0' | '3.1';
  checks?: SchemaChecks;
  form?: boolean;
}): JsonValue | undefined {
  const body = input.operation.requestBody;
  const schema = input.form === true ? body?.formSchema : body?.jsonSchema;
  if (body === undefined || schema === undefined) return undefined;
  const pointer = input.form === true ? formSchemaPointer(body) : bodySchemaPointer(body);
  return operationSchemaToSchema({
    schema,
    openapi: input.openapi,
    ...(pointer === undefined ? {} : { pointer }),
    ...(input.checks === undefined ? {} : { checks: input.checks }),
  });
}
