/**
 * An operation's valid request, built once from the spec and the user's setup data, and the probes made
 * from it: the same request with a given idempotency key, without one, or with a changed body.
 */
import type { JsonObject, JsonValue } from '../core/json.js';
import type { OperationModel, ParameterModel } from '../model/types.js';
import { objectAt, ownExample, schemaValue } from './example-values.js';
import { setAtPointer } from './set-at-pointer.js';
import type { ProbeRequest, RequestSetup, VerifySetup } from './types.js';

export interface RequestTemplate {
  method: string;
  path: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The JSON body, when the operation takes one. */
  body?: JsonValue;
  contentType?: string;
}

/** How a probe carries its key: a value, none at all, or a raw header value sent as it is (malformed). */
export type KeyChoice = { key: string } | { omit: true } | { rawHeader: string };

function parameterValue(input: {
  document: JsonObject;
  parameter: ParameterModel;
  given: RequestSetup;
  setup: VerifySetup;
}): string | undefined {
  const { document, parameter, given, setup } = input;
  const fromSetup =
    parameter.in === 'path'
      ? (given.path?.[parameter.name] ?? setup.pathParams[parameter.name])
      : parameter.in === 'query'
        ? given.query?.[parameter.name]
        : parameter.in === 'header'
          ? given.headers?.[parameter.name]
          : undefined;
  if (fromSetup !== undefined) return String(fromSetup);
  if (!parameter.required) return undefined;
  const value =
    ownExample(document, objectAt(document, parameter.pointer)) ?? schemaValue(document, parameter.schema);
  if (value === undefined || value === null) return parameter.in === 'path' ? '1' : undefined;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function bodyValue(input: {
  document: JsonObject;
  operation: OperationModel;
  given: RequestSetup;
}): JsonValue | undefined {
  const { document, operation, given } = input;
  if (given.body !== undefined) return given.body as JsonValue;
  const requestBody = operation.requestBody;
  if (!requestBody?.jsonMediaType) return undefined;
  const bodyObject = objectAt(document, requestBody.pointer);
  const content = bodyObject?.content;
  const media =
    content && typeof content === 'object' && !Array.isArray(content)
      ? (content[requestBody.jsonMediaType] as JsonObject | undefined)
      : undefined;
  return ownExample(document, media) ?? schemaValue(document, requestBody.jsonSchema);
}

export function buildRequestTemplate(input: {
  document: JsonObject;
  operation: OperationModel;
  setup: VerifySetup;
}): RequestTemplate {
  const { document, operation, setup } = input;
  const given =
    setup.requests[operation.id] ??
    (operation.operationId ? setup.requests[operation.operationId] : undefined) ??
    {};
  const template: RequestTemplate = {
    method: operation.method.toUpperCase(),
    path: {},
    query: {},
    headers: { ...setup.headers, ...given.headers },
  };
  for (const parameter of operation.parameters) {
    if (parameter.in === 'cookie') continue;
    const value = parameterValue({ document, parameter, given, setup });
    if (value === undefined) continue;
    if (parameter.in === 'path') template.path[parameter.name] = value;
    else if (parameter.in === 'query') template.query[parameter.name] = value;
    else if (parameter.in === 'header') template.headers[parameter.name] = value;
  }
  const body = bodyValue({ document, operation, given });
  if (body !== undefined) {
    template.body = body;
    template.contentType = operation.requestBody?.jsonMediaType ?? 'application/json';
  }
  return template;
}

/** The request to send: the template with the key placed where the contract says (or left out). */
export function toProbe(input: {
  operation: OperationModel;
  template: RequestTemplate;
  key?: KeyChoice;
  body?: JsonValue;
}): ProbeRequest {
  const { operation, template, key } = input;
  const path = { ...template.path };
  const query = { ...template.query };
  const headers: Record<string, string> = { ...template.headers };
  let body = input.body ?? template.body;
  const source = operation.idempotency?.key;
  if (source && key) {
    const value = 'key' in key ? key.key : undefined;
    if (source.in === 'header') {
      for (const name of Object.keys(headers))
        if (name.toLowerCase() === source.name.toLowerCase()) delete headers[name];
      if ('rawHeader' in key) headers[source.name] = key.rawHeader;
      else if (value !== undefined) headers[source.name] = value;
    } else if (source.in === 'query') {
      if (value === undefined) delete query[source.name];
      else query[source.name] = value;
    } else if (source.in === 'path') {
      if (value !== undefined) path[source.name] = value;
    } else if (body !== undefined) {
      body = setAtPointer({ value: body, pointer: source.pointer, to: value });
    }
  }
  let target = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) =>
    encodeURIComponent(path[name] ?? ''),
  );
  const search = new URLSearchParams(query).toString();
  if (search) target += `?${search}`;
  if (body !== undefined) headers['Content-Type'] = template.contentType ?? 'application/json';
  return {
    method: template.method,
    target,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  };
}
