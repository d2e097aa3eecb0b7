/**
 * ApiModel -> the server's template contexts: handler request and response types per operation (indexed
 * accesses into openapi-typescript's `paths`), and the route table the runtime core dispatches on.
 */
import { IDEMPOTENCY_CONTRACT_KEYS, pickKeys } from '../model/contract-keys.js';
import type { ApiModel, OperationModel } from '../model/types.js';
import type { IdempotencyContract } from '../runtime/idempotency/types.js';
import type { ServerRoute } from '../runtime/server/types.js';
import {
  FORM_URLENCODED,
  isJsonContentType,
  MULTIPART_FORM_DATA,
  mediaTypeOf,
} from '../runtime/shared/media-type.js';
import type { ParameterSpec } from '../runtime/shared/parameters/types.js';
import { isSuccessStatus, statusKey, statusType, withFilesType } from './client-context.js';
import type { ServerOperationContext, ServerResponseContext } from './context.js';
import { toCommentLines, toLiteral, toSafeIdentifier, toStringLiteral, toTypeName } from './escape.js';
import { buildLiteral, type LiteralBuilder } from './literal-builder.js';
import { serverParameterSpecs } from './parameter-specs.js';

function paramsType(op: OperationModel, alias: string, where: 'path' | 'query' | 'cookie'): string {
  if (!op.parameters.some((p) => p.in === where)) return 'Record<string, never>';
  return `NonNullable<${alias}["parameters"][${toStringLiteral(where)}]>`;
}

/** What the handler receives for one media type: parsed JSON or form fields, a string, or bytes. */
function mediaBodyType(alias: string, media: string, files: readonly string[] = []): string {
  const schema = `NonNullable<${alias}["requestBody"]>["content"][${toStringLiteral(media)}]`;
  if (isJsonContentType(media) || mediaTypeOf(media) === FORM_URLENCODED) return schema;
  if (mediaTypeOf(media) === MULTIPART_FORM_DATA) return withFilesType(schema, files);
  return /^text\//i.test(media) ? 'string' : 'Uint8Array';
}

function bodyType(op: OperationModel, alias: string): string {
  const body = op.requestBody;
  if (!body) return 'undefined';
  const types = [
    ...new Set(body.mediaTypes.map((media) => mediaBodyType(alias, media, body.multipartFiles))),
  ];
  const type = types.length > 0 ? types.join(' | ') : 'string | Uint8Array';
  return body.required ? type : `${type} | undefined`;
}

function responses(op: OperationModel, alias: string): ServerResponseContext[] {
  return op.responses.map((r) => {
    const json = r.jsonMediaType;
    const noBody = r.mediaTypes.length === 0;
    const schema = (media: string) =>
      `${alias}["responses"][${statusKey(r.status)}]["content"][${toStringLiteral(media)}]`;
    // JSON as its schema; any other type (a response may declare both) as a string or bytes.
    const types = json ? [schema(json)] : [];
    if (r.mediaTypes.some((media) => !isJsonContentType(media))) types.push('string | Uint8Array');
    const bodyType = noBody ? 'undefined' : types.join(' | ');
    // Several media types: a map of representations the server picks from by `Accept`.
    const contentType =
      r.mediaTypes.length > 1
        ? `{ ${r.mediaTypes
            .map((media) => {
              const value = isJsonContentType(media) ? schema(media) : 'string | Uint8Array';
              return `${toStringLiteral(media)}?: ${value}`;
            })
            .join('; ')} }`
        : '';
    return { status: statusType(r.status), bodyType, noBody, contentType };
  });
}

/** The success media types, in declaration order, once each: what the server negotiates `Accept` over. */
export function successMediaTypes(op: OperationModel): string[] {
  return [...new Set(op.responses.filter((r) => isSuccessStatus(r.status)).flatMap((r) => r.mediaTypes))];
}

/** `ServerRoute` without its validators, which `routes.js` links by name. */
export type RouteLiteral = Omit<ServerRoute, 'validate' | 'validateResponse'>;

interface RouteInput {
  op: OperationModel;
  parameters: ParameterSpec[];
  negotiated: string[];
}

/** Every field of the runtime's `ServerRoute` but the validators: a field added there must be filled here. */
const ROUTE: LiteralBuilder<RouteLiteral, RouteInput> = {
  operationId: ({ op }) => op.id,
  method: ({ op }) => op.method.toUpperCase(),
  pathTemplate: ({ op }) => op.path,
  idempotency: ({ op }) =>
    op.idempotency ? pickKeys<IdempotencyContract>(op.idempotency, IDEMPOTENCY_CONTRACT_KEYS) : undefined,
  replayHeaders: ({ op }) => [...new Set(op.responses.flatMap((r) => r.headers.map((h) => h.toLowerCase())))],
  requestBodyRequired: ({ op }) => op.requestBody?.required ?? false,
  bodyMediaTypes: ({ op }) => op.requestBody?.mediaTypes ?? [],
  formEncoding: ({ op }) => op.requestBody?.formEncoding,
  formJsonFields: ({ op }) => op.requestBody?.multipartJson,
  responseStatuses: ({ op }) => op.responses.map((r) => r.status),
  // Only when some success declares content: the others are never 406.
  responseMediaTypes: ({ negotiated }) => (negotiated.length > 0 ? negotiated : undefined),
  // Only parameters parsed by their style: a route without them pays for no parsing.
  parameters: ({ parameters }) => (parameters.length > 0 ? parameters : undefined),
  queryNames: ({ op, parameters }) => {
    if (!parameters.some((p) => p.in === 'query')) return undefined;
    const names = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
    return names.length > 0 ? names : undefined;
  },
  // Only when the spec sets one: the server's maxBodyBytes applies to the others.
  maxBodyBytes: ({ op }) => op.maxBodySize?.bytes,
  event: ({ op }) => (op.event ? { kind: op.event.kind, name: op.event.name } : undefined),
  signature: ({ op }) =>
    op.signature ? { scheme: op.signature.scheme, toleranceMs: op.signature.toleranceMs } : undefined,
};

/**
 * The route the runtime dispatches on. Typed here because `routes.js` is plain JavaScript that no user's tsc
 * checks against `ServerRoute`.
 */
export function operationToRoute(op: OperationModel): RouteLiteral {
  return buildLiteral(ROUTE, {
    op,
    parameters: serverParameterSpecs(op),
    negotiated: successMediaTypes(op),
  });
}

/** The export names of an operation's validators in `validators.js` (response: empty when not generated). */
export interface ValidatorNames {
  name: string;
  responseName?: string;
}

export function operationToServerContext(op: OperationModel, names: ValidatorNames): ServerOperationContext {
  const name = toSafeIdentifier(op.id);
  const typeName = toTypeName(name);
  const alias = `${typeName}Operation`;
  const declared = responses(op, alias);
  const negotiated = successMediaTypes(op);
  const docLines = [
    ...(op.summary ? toCommentLines(op.summary) : []),
    ...toCommentLines(`${op.method.toUpperCase()} ${op.path}`),
  ];
  return {
    name,
    typeName,
    docLines,
    operationType: `paths[${toStringLiteral(op.path)}][${toStringLiteral(op.method)}]`,
    pathType: paramsType(op, alias, 'path'),
    queryType: paramsType(op, alias, 'query'),
    cookiesType: paramsType(op, alias, 'cookie'),
    bodyType: bodyType(op, alias),
    // An operation that declares no response may answer any status with any body.
    responses:
      declared.length > 0
        ? declared
        : [{ status: 'number', bodyType: 'unknown', noBody: false, contentType: '' }],
    // Typed only where there is a choice: one success media type needs no negotiation to read.
    responseMediaTypeType: negotiated.length > 1 ? negotiated.map(toStringLiteral).join(' | ') : '',
    routeLiteral: toLiteral(operationToRoute(op)),
    validatorName: names.name,
    validateResponseName: names.responseName ?? '',
  };
}

export interface ServerGroup {
  file: string;
  group: string;
  operations: ServerOperationContext[];
}

export function modelToServerGroups(
  model: ApiModel,
  validatorNames: readonly ValidatorNames[],
): ServerGroup[] {
  const groups = new Map<string, ServerGroup>();
  model.operations.forEach((op, index) => {
    const file = op.module;
    let group = groups.get(file);
    if (!group) {
      group = { file, group: op.tags[0] ?? 'default', operations: [] };
      groups.set(file, group);
    }
    group.operations.push(operationToServerContext(op, validatorNames[index] ?? { name: '' }));
  });
  return [...groups.values()].sort((a, b) => a.file.localeCompare(b.file));
}
