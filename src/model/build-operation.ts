/** One operation object -> its parameters, request body and responses (`$ref`s to components resolved). */
import type { JsonObject, JsonValue } from '../spec/types.js';
import { isObject, joinPointer, resolveRef } from './resolve-ref.js';
import type { FormEncodingModel, ParameterModel, RequestBodyModel, ResponseModel } from './types.js';

export const JSON_MEDIA = /^application\/([\w.+-]+\+)?json\s*(;.*)?$/i;
const PROBLEM_MEDIA = /^application\/problem\+json\s*(;.*)?$/i;
const PARAMETER_IN = ['path', 'query', 'header', 'cookie'] as const;

interface Context {
  document: JsonObject;
}

function readParameters(ctx: Context, list: JsonValue | undefined, pointer: string): ParameterModel[] {
  if (!Array.isArray(list)) return [];
  const out: ParameterModel[] = [];
  list.forEach((item, index) => {
    const at = joinPointer(pointer, index);
    const p = resolveRef({ document: ctx.document, value: item, pointer: at })?.value;
    if (!isObject(p) || typeof p.name !== 'string') return;
    const where = PARAMETER_IN.find((w) => w === p.in);
    if (!where) return;
    const param: ParameterModel = {
      name: p.name,
      in: where,
      required: where === 'path' || p.required === true,
      pointer: at,
    };
    if (p.schema !== undefined) param.schema = p.schema;
    out.push(param);
  });
  return out;
}

/** Path-item and operation parameters; the operation's win by name and location. */
export function mergeParameters(options: {
  document: JsonObject;
  pathItem: { node: JsonObject; pointer: string };
  operation: { node: JsonObject; pointer: string };
}): ParameterModel[] {
  const ctx = { document: options.document };
  const { pathItem, operation } = options;
  const own = readParameters(ctx, operation.node.parameters, `${operation.pointer}/parameters`);
  const inherited = readParameters(ctx, pathItem.node.parameters, `${pathItem.pointer}/parameters`).filter(
    (p) => !own.some((o) => o.name === p.name && o.in === p.in),
  );
  return [...inherited, ...own];
}

function mediaTypesOf(content: JsonValue | undefined): string[] {
  return isObject(content) ? Object.keys(content) : [];
}

export function readRequestBody(options: { document: JsonObject; operation: JsonObject; pointer: string }) {
  const at = `${options.pointer}/requestBody`;
  const body = resolveRef({
    document: options.document,
    value: options.operation.requestBody,
    pointer: at,
  })?.value;
  if (!isObject(body)) return undefined;
  const mediaTypes = mediaTypesOf(body.content);
  const model: RequestBodyModel = { required: body.required === true, mediaTypes, pointer: at };
  const json = mediaTypes.find((m) => JSON_MEDIA.test(m));
  const media = json !== undefined && isObject(body.content) ? body.content[json] : undefined;
  if (isObject(media) && media.schema !== undefined) model.jsonSchema = media.schema;
  const form = mediaTypes.find((m) => FORM_MEDIA.test(m));
  const formMedia = form !== undefined && isObject(body.content) ? body.content[form] : undefined;
  if (isObject(formMedia)) {
    if (formMedia.schema !== undefined) model.formSchema = formMedia.schema;
    const encoding = readEncoding(formMedia.encoding);
    if (encoding !== undefined) model.formEncoding = encoding;
  }
  return model;
}

/** `application/x-www-form-urlencoded` or `multipart/form-data`: bodies parsed into objects by name. */
export const FORM_MEDIA = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;.*)?$/i;

/** The `encoding` object's `style` and `explode` per property (only what changes how a form is written). */
function readEncoding(value: JsonValue | undefined): Record<string, FormEncodingModel> | undefined {
  if (!isObject(value)) return undefined;
  const out: Record<string, FormEncodingModel> = {};
  let any = false;
  for (const [name, entry] of Object.entries(value)) {
    if (!isObject(entry)) continue;
    const model: FormEncodingModel = {};
    if (entry.style === 'form' || entry.style === 'deepObject') model.style = entry.style;
    if (typeof entry.explode === 'boolean') model.explode = entry.explode;
    if (typeof entry.contentType === 'string') model.contentType = entry.contentType;
    Object.defineProperty(out, name, { value: model, enumerable: true, writable: true, configurable: true });
    any = true;
  }
  return any ? out : undefined;
}

export function readResponses(options: { document: JsonObject; operation: JsonObject; pointer: string }) {
  const { document } = options;
  const responses = options.operation.responses;
  if (!isObject(responses)) return [];
  const out: ResponseModel[] = [];
  for (const [status, value] of Object.entries(responses)) {
    if (status.startsWith('x-')) continue;
    const at = joinPointer(options.pointer, 'responses', status);
    const response = resolveRef({ document, value, pointer: at })?.value;
    if (!isObject(response)) continue;
    const mediaTypes = mediaTypesOf(response.content);
    const headers = isObject(response.headers)
      ? Object.keys(response.headers).filter((h) => h.toLowerCase() !== 'content-type')
      : [];
    const model: ResponseModel = {
      status,
      pointer: at,
      mediaTypes,
      isProblem: mediaTypes.some((m) => PROBLEM_MEDIA.test(m)),
      hasJsonBody: mediaTypes.some((m) => JSON_MEDIA.test(m)),
      headers,
    };
    if (typeof response.description === 'string') model.description = response.description;
    const json = mediaTypes.find((m) => JSON_MEDIA.test(m));
    const media = json !== undefined && isObject(response.content) ? response.content[json] : undefined;
    if (isObject(media) && media.schema !== undefined) model.jsonSchema = media.schema;
    out.push(model);
  }
  return out;
}
