import type { JsonValue } from '../../core/json.js';
import { toLineComment } from '../escape.js';
import type { SchemaChecks } from './adapt-schema.js';
import type { ValidatorAjv } from './create-validator-ajv.js';
import { operationSchemaToSchema } from './document-to-schema.js';
import { bodySchemaPointer } from './schema-errors.js';

export interface ValidatorResponse {
  /** `200`, `4XX`, `default`, as written in the spec. */
  status: string;
  /** The JSON (or problem+json) media type's schema; absent: the body is not checked. */
  jsonSchema?: JsonValue;
  /** Where the response is in the spec, and its media types (for diagnostics about its schema). */
  pointer?: string;
  mediaTypes?: readonly string[];
}

/** The schemas of every declared response: roots for the reachable-components pruning. */
export function responsesToRoots(responses: readonly ValidatorResponse[] | undefined): JsonValue[] {
  return (responses ?? []).flatMap((response) =>
    response.jsonSchema === undefined ? [] : [response.jsonSchema],
  );
}

/** `4xx` -> `4XX`; any other status as written. */
const statusKey = (status: string): string => (/^[1-5]xx$/i.test(status) ? status.toUpperCase() : status);

/**
 * Adds one schema per declared response with a JSON schema to `ajv` (ids `urn:idemgen:response:<op>:<n>`,
 * export names `r<op>_<n>` in `exports`) and returns the operation's status table as a JS object literal:
 * `{ "200": idemgenBody.r0_0, "204": null }` (null: declared, nothing to check).
 */
export function addResponseSchemas(input: {
  ajv: ValidatorAjv;
  exports: Record<string, string>;
  responses: readonly ValidatorResponse[] | undefined;
  index: number;
  openapi: '3.0' | '3.1';
  holder: string;
  checks?: SchemaChecks;
}): string {
  const entries = (input.responses ?? []).map((response, n) => {
    const key = JSON.stringify(statusKey(response.status));
    if (response.jsonSchema === undefined) return `${key}: null`;
    const id = `urn:idemgen:response:${input.index}:${n}`;
    const pointer = bodySchemaPointer(response);
    const schema = operationSchemaToSchema({
      schema: response.jsonSchema,
      openapi: input.openapi,
      ...(pointer === undefined ? {} : { pointer }),
      ...(input.checks === undefined ? {} : { checks: input.checks }),
    });
    input.ajv.addSchema(typeof schema === 'object' && schema !== null ? schema : {}, id);
    input.exports[`r${input.index}_${n}`] = id;
    return `${key}: ${input.holder}.r${input.index}_${n}`;
  });
  return `{ ${entries.join(', ')} }`;
}

export function responseWrapperSource(input: { name: string; operationId: string; table: string }): string {
  return [
    `/** ${toLineComment(`Validates a response body of ${input.operationId} against the schema of its status.`)} */`,
    `export function ${input.name}(status, body) {`,
    `  return idemgenCheckResponse(${input.table}, status, body);`,
    '}',
  ].join('\n');
}

/** `validate<Op>Response` per request validator name, suffixed `_2`, ... when a name is already taken. */
export function validatorNamesToResponseNames(names: readonly string[]): string[] {
  const taken = new Set(names);
  return names.map((name) => {
    let candidate = `${name}Response`;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name}Response_${n}`;
    taken.add(candidate);
    return candidate;
  });
}
