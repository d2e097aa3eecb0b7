import type { JsonObject } from '../../core/json.js';
import { isFormContentType } from '../../runtime/shared/media-type.js';
import { toLineComment } from '../escape.js';
import type { SchemaChecks } from './adapt-schema.js';
import { createValidatorAjv, FORMATS_NAME, REG_EXP_NAME } from './create-validator-ajv.js';
import { DOCUMENT_ID, documentToSchema } from './document-to-schema.js';
import { formatsToSource } from './format-source.js';
import { inlineSource, RUNTIME_HELPERS } from './inline-runtime.js';
import { createKeywordChecker } from './keyword-checker.js';
import { documentToReachable } from './reachable-document.js';
import type { ValidatorOperation } from './request-schema.js';
import { hasCookieParameters, operationToBodySchema, operationToParamsSchema } from './request-schema.js';
import {
  addResponseSchemas,
  responsesToRoots,
  responseWrapperSource,
  validatorNamesToResponseNames,
} from './response-validators.js';
import { bodySchemaPointer, compileOrReport, formSchemaPointer, type SchemaOwner } from './schema-errors.js';
import { compileSharingRefs, createSchemaSharer } from './shared-refs.js';
import { ajvToStandaloneSource } from './standalone-source.js';
import { operationIdsToValidatorNames } from './validator-names.js';
import { validatorsToDeclarations } from './validators-declarations.js';

export interface GenerateValidatorsInput {
  /** The bundled OpenAPI document: `$ref`s in the operations' schemas resolve inside it. */
  document: JsonObject;
  openapi: '3.0' | '3.1';
  operations: readonly ValidatorOperation[];
  /** Also emit `validate<OperationId>Response(status, body)` per operation (default false). */
  responses?: boolean;
  /**
   * Share repeated parameter schemas (one function for all the parameters with an equal schema); default:
   * above `SHARE_FROM_OPERATIONS` operations, so the validators of smaller specs stay as they were.
   */
  shareParameters?: boolean;
}

/** From how many operations on, repeated parameter schemas are compiled once (see `createSchemaSharer`). */
export const SHARE_FROM_OPERATIONS = 200;

export interface GeneratedValidators {
  /** One ESM JavaScript module with no imports: one `validate<OperationId>` export per operation. */
  js: string;
  /** Its declarations (`.d.ts`). */
  dts: string;
  /**
   * The export name of each operation's validator, in the operations' order, and (with `responses`) of its
   * response validator.
   */
  names: { operationId: string; name: string; responseName?: string }[];
}

function wrapperSource(input: {
  name: string;
  index: number;
  /** Whether the operation declares parameters (else nothing to coerce or check: no copies are made). */
  hasParams: boolean;
  /** Whether the operation has cookie parameters (checked and coerced as `input.cookies`). */
  hasCookies: boolean;
  hasBody: boolean;
  hasForm: boolean;
  /** Whether the operation declares a form media type (a form without a schema skips the JSON one). */
  formDeclared: boolean;
  bodyRequired: boolean;
}): string {
  const { name, index } = input;
  const form = input.hasForm
    ? `else if (options && options.body === 'form') {
      if (!idemgenForm.f${index}(input.body)) idemgenErrors(idemgenForm.f${index}.errors, '/body', errors);
    }`
    : input.formDeclared && input.hasBody
      ? `else if (options && options.body === 'form') {}`
      : '';
  const body = input.hasBody
    ? `else if (!idemgenBody.b${index}(input.body)) idemgenErrors(idemgenBody.b${index}.errors, '/body', errors);`
    : '';
  const params = input.hasParams
    ? `
  const params = {
    path: idemgenCopy(input.path, false),
    query: idemgenCopy(input.query, false),
    headers: idemgenCopy(input.headers, true),${input.hasCookies ? '\n    cookies: idemgenCopy(input.cookies, false),' : ''}
  };
  if (!idemgenParams.p${index}(params)) idemgenErrors(idemgenParams.p${index}.errors, '', errors);`
    : '';
  const assign = input.hasParams
    ? `
  input.path = params.path;
  input.query = params.query;
  input.headers = params.headers;${input.hasCookies ? '\n  input.cookies = params.cookies;' : ''}`
    : '';
  return `export function ${name}(input, options) {
  const errors = [];${params}
  if (!options || options.body !== false) {
    if (input.body === undefined) {${input.bodyRequired ? ` errors.push({ pointer: '/body', message: 'is required' });` : ''} }
    ${[form, body].filter((line) => line !== '').join('\n    ')}
  }
  if (errors.length > 0) return errors;${assign}
  return null;
}`;
}

/**
 * Standalone request validators, compiled by ajv at generation time. Each `validate<OperationId>(input,
 * options?)` takes `{ path, query, headers, body }` and returns `{ pointer, message }[]` (pointers under
 * `/path`, `/query`, `/headers` or `/body`) or null. Parameters are validated on a copy with ajv's
 * `coerceTypes: 'array'` (they arrive as strings); on success the coerced copies replace `input.path`,
 * `input.query`, `input.headers` (and `input.cookies`), so the handler sees numbers for integer parameters. The body is
 * validated as it is, without coercion. `options.body === false` skips the body (a request body neither
 * JSON nor a form); `options.body === 'form'` validates a form's fields against the form media type's
 * schema with coercion (in place: `amount=100` becomes the number the schema asks for).
 */
export function generateValidators(input: GenerateValidatorsInput): GeneratedValidators {
  const { openapi, operations } = input;
  const roots = operations.flatMap((operation) => [
    ...operation.parameters.flatMap((parameter) =>
      parameter.schema === undefined ? [] : [parameter.schema],
    ),
    ...(operation.requestBody?.jsonSchema === undefined ? [] : [operation.requestBody.jsonSchema]),
    ...(operation.requestBody?.formSchema === undefined ? [] : [operation.requestBody.formSchema]),
    ...(input.responses === true ? responsesToRoots(operation.responses) : []),
  ]);
  const reachable = documentToReachable({ document: input.document, roots }) ?? input.document;
  // A keyword ajv cannot compile is dropped (lint reports it as `schema-keyword-unchecked`); the rest is
  // compiled. What is left and still fails is `schema-invalid`.
  const checks: SchemaChecks = { check: createKeywordChecker(openapi), unchecked: [] };
  const document = documentToSchema({ document: reachable, openapi, checks });
  const paramsAjv = createValidatorAjv({ openapi, coerce: true });
  const bodyAjv = createValidatorAjv({ openapi, coerce: false });
  const components: SchemaOwner = { pointer: '', label: "the document's components" };
  compileOrReport(components, () => paramsAjv.addSchema(document, DOCUMENT_ID));
  compileOrReport(components, () => bodyAjv.addSchema(document, DOCUMENT_ID));
  const share =
    (input.shareParameters ?? operations.length > SHARE_FROM_OPERATIONS)
      ? createSchemaSharer(paramsAjv)
      : undefined;
  const sameParams = new Map<string, string>();
  const paramsExports: Record<string, string> = {};
  const bodyExports: Record<string, string> = {};
  // Form bodies arrive as strings: validated with coercion, as parameters are.
  const formExports: Record<string, string> = {};
  // Which spec part each validator comes from, so that a schema ajv rejects is reported there.
  const owners = new Map<string, SchemaOwner>();
  const responseTables: string[] = [];
  operations.forEach((operation, index) => {
    const at = operation.pointer ?? '';
    const ref = '(or a schema it references)';
    if (input.responses === true) {
      const owner = { pointer: at, label: `the responses of ${operation.id} ${ref}` };
      const known = new Set(Object.values(bodyExports));
      const table = compileOrReport(owner, () =>
        addResponseSchemas({
          ajv: bodyAjv,
          exports: bodyExports,
          responses: operation.responses,
          index,
          openapi,
          holder: 'idemgenBody',
          checks,
        }),
      );
      responseTables.push(table);
      for (const id of Object.values(bodyExports)) if (!known.has(id)) owners.set(id, owner);
    }
    // Without parameters there is nothing to check (path, query and headers are always objects).
    if (operation.parameters.length > 0) {
      const paramsId = `urn:idemgen:params:${index}`;
      const paramsOwner = { pointer: at, label: `the parameters of ${operation.id} ${ref}` };
      owners.set(paramsId, paramsOwner);
      const sameAs = compileOrReport(paramsOwner, () => {
        const schema = operationToParamsSchema({ operation, openapi, checks, ...(share ? { share } : {}) });
        // Sharing: operations whose parameters are the same (Graph: 11,012 with 4,696 distinct) use one
        // validator, that of the first.
        const key = share ? JSON.stringify(schema) : undefined;
        const first = key === undefined ? undefined : sameParams.get(key);
        if (first !== undefined) return first;
        if (key !== undefined) sameParams.set(key, paramsId);
        paramsAjv.addSchema(schema, paramsId);
        return paramsId;
      });
      paramsExports[`p${index}`] = sameAs ?? paramsId;
    }
    const formSchema = operationToBodySchema({ operation, openapi, checks, form: true });
    if (formSchema !== undefined) {
      const formId = `urn:idemgen:form:${index}`;
      const formPointer = operation.requestBody ? formSchemaPointer(operation.requestBody) : undefined;
      const formOwner = {
        pointer: formPointer ?? at,
        label: `the form request body of ${operation.id} ${ref}`,
      };
      owners.set(formId, formOwner);
      compileOrReport(formOwner, () =>
        paramsAjv.addSchema(typeof formSchema === 'object' && formSchema !== null ? formSchema : {}, formId),
      );
      formExports[`f${index}`] = formId;
    }
    const bodySchema = operationToBodySchema({ operation, openapi, checks });
    if (bodySchema === undefined) return;
    const bodyId = `urn:idemgen:body:${index}`;
    const bodyPointer = operation.requestBody ? bodySchemaPointer(operation.requestBody) : undefined;
    const bodyOwner = { pointer: bodyPointer ?? at, label: `the request body of ${operation.id} ${ref}` };
    owners.set(bodyId, bodyOwner);
    compileOrReport(bodyOwner, () =>
      bodyAjv.addSchema(typeof bodySchema === 'object' && bodySchema !== null ? bodySchema : {}, bodyId),
    );
    bodyExports[`b${index}`] = bodyId;
  });
  // Compiled here one by one (ajv keeps them for the standalone step), so a failure names its owner; the
  // targets of their `$ref`s compile once for all of them (see shared-refs.ts).
  for (const [ajv, exports] of [
    [paramsAjv, paramsExports],
    [paramsAjv, formExports],
    [bodyAjv, bodyExports],
  ] as const) {
    for (const id of new Set(Object.values(exports))) {
      compileOrReport(owners.get(id)!, () => compileSharingRefs(ajv, id));
    }
  }

  const helpers = new Set<string>();
  const paramsSource = ajvToStandaloneSource({ ajv: paramsAjv, exports: paramsExports, helpers });
  const bodySource = ajvToStandaloneSource({ ajv: bodyAjv, exports: bodyExports, helpers });
  const hasForms = Object.keys(formExports).length > 0;
  const formSource = hasForms ? ajvToStandaloneSource({ ajv: paramsAjv, exports: formExports, helpers }) : '';
  const names = operationIdsToValidatorNames(operations.map((operation) => operation.id));
  const wrappers = operations.map((operation, index) =>
    [
      `/** ${toLineComment(`Validates the request of ${operation.id}.`)} */`,
      wrapperSource({
        name: names[index]!,
        index,
        hasParams: paramsExports[`p${index}`] !== undefined,
        hasCookies: hasCookieParameters(operation),
        hasBody: bodyExports[`b${index}`] !== undefined,
        hasForm: formExports[`f${index}`] !== undefined,
        formDeclared: (operation.requestBody?.mediaTypes ?? []).some((media) => isFormContentType(media)),
        bodyRequired: operation.requestBody?.required === true,
      }),
    ].join('\n'),
  );
  const responseNames = input.responses === true ? validatorNamesToResponseNames(names) : [];
  const responseWrappers = responseNames.map((name, index) =>
    responseWrapperSource({ name, operationId: operations[index]!.id, table: responseTables[index]! }),
  );
  const js = [
    ...[...helpers].sort().map((name) => inlineSource(RUNTIME_HELPERS[name]!)),
    ...([paramsSource, bodySource, formSource].some((source) => source.includes(REG_EXP_NAME))
      ? [inlineSource('reg-exp.js')]
      : []),
    formatsToSource(FORMATS_NAME),
    inlineSource('errors.js'),
    inlineSource('input-copy.js'),
    ...(input.responses === true ? [inlineSource('check-response.js')] : []),
    `const idemgenParams = ${paramsSource};`,
    `const idemgenBody = ${bodySource};`,
    ...(hasForms ? [`const idemgenForm = ${formSource};`] : []),
    ...wrappers,
    ...responseWrappers,
    '',
  ].join('\n\n');
  return {
    js,
    dts: validatorsToDeclarations({ names, responseNames }),
    names: operations.map((operation, index) => ({
      operationId: operation.id,
      name: names[index]!,
      ...(responseNames[index] === undefined ? {} : { responseName: responseNames[index] }),
    })),
  };
}
