/**
 * ApiModel -> the client's template contexts: one file per group (the operation's first tag), flat
 * per-operation exports. Types are indexed accesses into openapi-typescript's `paths`, never re-derived.
 */
import { pickKeys, RETRY_POLICY_KEYS } from '../model/contract-keys.js';
import type {
  ApiModel,
  OperationModel,
  ParameterModel,
  RequestBodyModel,
  ResponseModel,
} from '../model/types.js';
import type { OperationSpec, RequestBodySpec } from '../runtime/client/index.js';
import type { RetryPolicy } from '../runtime/retry/types.js';
import {
  FORM_URLENCODED,
  isJsonContentType,
  isProblemContentType,
  isTextMediaType,
  MULTIPART_FORM_DATA,
  mediaTypeOf,
} from '../runtime/shared/media-type.js';
import type { ParameterSpec } from '../runtime/shared/parameters/types.js';
import type { ClientFileContext, ClientInputField, ClientOperationContext } from './context.js';
import { toCommentLines, toLiteral, toSafeIdentifier, toStringLiteral, toTypeName } from './escape.js';
import { buildLiteral, type LiteralBuilder } from './literal-builder.js';
import { clientParameterSpecs } from './parameter-specs.js';

export function statusKey(status: string): string {
  return /^\d{3}$/.test(status) ? status : toStringLiteral(status);
}

export function statusType(status: string): string {
  return /^\d{3}$/.test(status) ? status : 'number';
}

/** Ranges a JSON body may answer: read as whatever the server's `content-type` says. */
const MAYBE_JSON_RANGE = /^(\*|application)\/\*\s*(;|$)/i;

/**
 * What the runtime's readBody gives for a response, by its media types: the schema's type for JSON (the first
 * JSON type's), a string for text types, `Blob | string` for the rest (a string when the server sends no
 * `content-type`), all of them when the response declares several; `unknown` for a range that may be JSON
 * (`*\/*`, `application/*`).
 */
function responseDataType(operationType: string, response: ResponseModel): string {
  if (response.mediaTypes.length === 0) return 'undefined';
  const json = response.jsonMediaType;
  const types = new Set<string>();
  if (json)
    types.add(
      `${operationType}["responses"][${statusKey(response.status)}]["content"][${toStringLiteral(json)}]`,
    );
  for (const media of response.mediaTypes) {
    if (isJsonContentType(media)) continue;
    if (MAYBE_JSON_RANGE.test(media)) return 'unknown';
    if (isTextMediaType(mediaTypeOf(media))) types.add('string');
    else types.add('Blob').add('string');
  }
  return [...types].join(' | ');
}

export function isSuccessStatus(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

function inputFields(op: OperationModel, operationType: string): ClientInputField[] {
  const fields: ClientInputField[] = [];
  const params = (where: ParameterModel['in']) => op.parameters.filter((p) => p.in === where);
  const add = (name: string, where: ParameterModel['in']) => {
    const list = params(where);
    if (list.length === 0) return;
    fields.push({
      name,
      optional: !list.some((p) => p.required),
      type: `NonNullable<${operationType}["parameters"][${toStringLiteral(where)}]>`,
    });
  };
  add('path', 'path');
  add('query', 'query');
  add('headers', 'header');
  add('cookies', 'cookie');
  const body = op.requestBody;
  if (body) {
    const types = [
      ...new Set(body.mediaTypes.map((media) => bodyTypeOf(operationType, media, body.multipartFiles))),
    ];
    fields.push({
      name: 'body',
      optional: !body.required,
      type: types.length > 0 ? types.join(' | ') : 'unknown',
    });
    if (body.mediaTypes.length > 1) {
      const literals = body.mediaTypes.map(toStringLiteral);
      if (body.mediaTypes.some((m) => m.includes('*'))) literals.push('(string & {})');
      fields.push({ name: 'contentType', optional: true, type: literals.join(' | ') });
    }
  }
  return fields;
}

/** What the caller passes for one request body media type: the schema's type, a string, or bytes. */
function bodyTypeOf(operationType: string, media: string, files: readonly string[] = []): string {
  const schema = `NonNullable<${operationType}["requestBody"]>["content"][${toStringLiteral(media)}]`;
  if (isJsonContentType(media) || mediaTypeOf(media) === FORM_URLENCODED) return schema;
  if (mediaTypeOf(media) === MULTIPART_FORM_DATA) return withFilesType(schema, files);
  if (/^text\//i.test(media)) return 'string';
  return '__idemgen.BinaryBody';
}

/** `WithFiles<Schema, 'avatar' | 'doc'>`: only the binary properties may be files. */
export function withFilesType(schema: string, files: readonly string[]): string {
  return files.length === 0
    ? `__idemgen.WithFiles<${schema}>`
    : `__idemgen.WithFiles<${schema}, ${files.map(toStringLiteral).join(' | ')}>`;
}

/** The `Accept` the client sends when the operation declares no response content (and the runtime's default). */
export const DEFAULT_ACCEPT = 'application/json, application/problem+json';

/**
 * The operation's `Accept` header: every response's media types (all statuses, in declaration order, once
 * each, wildcards as they are), then `application/problem+json` unless listed; `DEFAULT_ACCEPT` when no
 * response declares content.
 */
export function acceptHeader(op: OperationModel): string {
  const types = [...new Set(op.responses.flatMap((r) => r.mediaTypes))];
  if (types.length === 0) return DEFAULT_ACCEPT;
  if (!types.some(isProblemContentType)) types.push('application/problem+json');
  return types.join(', ');
}

/** The request body as the client serializes it: its media types and the form encoding. */
const REQUEST_BODY_SPEC: LiteralBuilder<RequestBodySpec, RequestBodyModel> = {
  mediaTypes: (body) => body.mediaTypes,
  encoding: (body) => body.formEncoding,
};

interface OperationSpecInput {
  op: OperationModel;
  accept: string;
  parameters: ParameterSpec[];
}

/** Every field of the runtime's `OperationSpec`: a field added there does not compile here until filled. */
const OPERATION_SPEC: LiteralBuilder<OperationSpec, OperationSpecInput> = {
  operationId: ({ op }) => op.id,
  method: ({ op }) => op.method.toUpperCase(),
  pathTemplate: ({ op }) => op.path,
  idempotency: ({ op }) => op.idempotency?.key,
  retry: ({ op }) =>
    op.retry && !op.retrySuppressed ? pickKeys<RetryPolicy>(op.retry, RETRY_POLICY_KEYS) : undefined,
  errorStatuses: ({ op }) => op.responses.filter((r) => !isSuccessStatus(r.status)).map((r) => r.status),
  body: ({ op }) => (op.requestBody ? buildLiteral(REQUEST_BODY_SPEC, op.requestBody) : undefined),
  // Left out when it is the runtime's default: most operations of most specs answer JSON only.
  accept: ({ accept }) => (accept === DEFAULT_ACCEPT ? undefined : accept),
  // Only parameters not written in their location's default way (absent when there are none).
  parameters: ({ parameters }) => (parameters.length > 0 ? parameters : undefined),
};

/** What the runtime needs to call the operation: method, path template, the contracts. */
export function operationSpec(op: OperationModel): OperationSpec {
  return buildLiteral(OPERATION_SPEC, { op, accept: acceptHeader(op), parameters: clientParameterSpecs(op) });
}

function docLines(op: OperationModel): string[] {
  const lines: string[] = [];
  if (op.summary) lines.push(...toCommentLines(op.summary));
  if (op.description && op.description !== op.summary) {
    if (lines.length > 0) lines.push('');
    lines.push(...toCommentLines(op.description));
  }
  if (lines.length > 0) lines.push('');
  lines.push(...toCommentLines(`${op.method.toUpperCase()} ${op.path}`));
  if (op.idempotency) lines.push(...toCommentLines(`Idempotent: key from ${op.idempotency.key.in}.`));
  if (op.retrySuppressed) lines.push('Never retried: an unsafe method without x-idempotency.');
  return lines;
}

export function operationToClientContext(op: OperationModel): ClientOperationContext {
  const name = toSafeIdentifier(op.id);
  const operationType = `paths[${toStringLiteral(op.path)}][${toStringLiteral(op.method)}]`;
  const alias = `${toTypeName(name)}Operation`;
  const fields = inputFields(op, alias);
  const successes = op.responses
    .filter((r) => isSuccessStatus(r.status))
    .map((r) => ({
      status: statusType(r.status),
      name: /^\d/.test(r.status) ? r.status.toUpperCase() : 'Default',
      dataType: responseDataType(alias, r),
    }));
  const errors = op.responses
    .filter((r) => !isSuccessStatus(r.status))
    .map((r) => ({ status: statusType(r.status), bodyType: responseDataType(alias, r) }));
  return {
    name,
    typeName: toTypeName(name),
    docLines: docLines(op),
    deprecated: op.deprecated,
    operationType,
    inputFields: fields,
    inputOptional: fields.every((f) => f.optional),
    successes: successes.length > 0 ? successes : [{ status: 'number', name: 'Any', dataType: 'unknown' }],
    errors,
    streamable: op.responses.some(
      (r) => isSuccessStatus(r.status) && r.mediaTypes.length > 0 && r.jsonMediaType === undefined,
    ),
    specLiteral: toLiteral(operationSpec(op)),
    ...pagingContext(op, toTypeName(name), successes),
  };
}

/** The success member whose data holds a page (or an operation resource): the first 2XX with a JSON body. */
function jsonSuccess(
  op: OperationModel,
  successes: readonly { name: string }[],
  status?: string,
): string | undefined {
  const response = op.responses.find(
    (r) =>
      isSuccessStatus(r.status) &&
      r.jsonMediaType !== undefined &&
      (status === undefined || r.status === status),
  );
  if (!response) return undefined;
  const name = /^\d/.test(response.status) ? response.status.toUpperCase() : 'Default';
  return successes.some((s) => s.name === name) ? name : undefined;
}

/** `T` at a JSON pointer, as indexed accesses: `/data/items` -> `NonNullable<NonNullable<T>["data"]>["items"]`. */
function typeAtPointer(type: string, pointer: string): string {
  if (pointer === '') return type;
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((at, token) => `NonNullable<${at}>[${toStringLiteral(token)}]`, type);
}

function pagingContext(
  op: OperationModel,
  prefix: string,
  successes: readonly { name: string }[],
): Pick<ClientOperationContext, 'pagination' | 'longRunning'> {
  const out: Pick<ClientOperationContext, 'pagination' | 'longRunning'> = {};
  if (op.pagination) {
    const { pointer: _p, fieldPointers: _f, ...spec } = op.pagination;
    const page = jsonSuccess(op, successes);
    out.pagination = {
      literal: toLiteral(spec),
      itemType: page
        ? `NonNullable<${typeAtPointer(`${prefix}Ok${page}["data"]`, spec.items)}>[number]`
        : 'unknown',
    };
  }
  if (op.longRunning) {
    const { pointer: _p, fieldPointers: _f, ...spec } = op.longRunning;
    const accepted = jsonSuccess(op, successes, '202');
    const resource = `${prefix}Ok202["data"]`;
    out.longRunning = {
      literal: toLiteral(spec),
      finalType: accepted
        ? spec.resultPointer === undefined
          ? resource
          : `NonNullable<${typeAtPointer(resource, spec.resultPointer)}>`
        : 'unknown',
    };
  }
  return out;
}

export function modelToClientGroups(
  model: ApiModel,
): Array<{ file: string; group: string; operations: ClientOperationContext[] }> {
  const groups = new Map<string, { file: string; group: string; operations: ClientOperationContext[] }>();
  for (const op of model.operations) {
    // Webhook and callback receivers are called by the API itself: the server's senders, not the client.
    if (op.event !== undefined) continue;
    const file = op.module;
    let group = groups.get(file);
    if (!group) {
      group = { file, group: op.tags[0] ?? 'default', operations: [] };
      groups.set(file, group);
    }
    group.operations.push(operationToClientContext(op));
  }
  return [...groups.values()].sort((a, b) => a.file.localeCompare(b.file));
}

export type { ClientFileContext };
