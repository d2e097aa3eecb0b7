/** One operation object -> its parameters, request body and responses (`$ref`s to components resolved). */
import type { JsonObject, JsonValue } from '../core/json.js';
import { isObject } from '../core/json.js';
import { appendPointer } from '../core/json-pointer.js';
import { isFormContentType, isJsonContentType, isProblemContentType } from '../runtime/shared/media-type.js';
import { declaredProperties, parameterShape } from './parameter-shape.js';
import { resolveRef } from './resolve-ref.js';
import type {
  FormEncodingModel,
  ParameterModel,
  ParameterStyle,
  RequestBodyModel,
  ResponseModel,
} from './types.js';

const PARAMETER_IN = ['path', 'query', 'header', 'cookie'] as const;

interface Context {
  document: JsonObject;
}

function readParameters(ctx: Context, list: JsonValue | undefined, pointer: string): ParameterModel[] {
  if (!Array.isArray(list)) return [];
  const out: ParameterModel[] = [];
  list.forEach((item, index) => {
    const at = appendPointer(pointer, index);
    const p = resolveRef({ document: ctx.document, value: item, pointer: at })?.value;
    if (!isObject(p) || typeof p.name !== 'string') return;
    const where = PARAMETER_IN.find((w) => w === p.in);
    if (!where) return;
    out.push(readParameter(ctx, p, p.name, where, at));
  });
  return out;
}

const STYLES: readonly ParameterStyle[] = [
  'matrix',
  'label',
  'simple',
  'form',
  'spaceDelimited',
  'pipeDelimited',
  'deepObject',
];

/** One resolved parameter object: where it goes, how it is written on the wire, and its value's shape. */
function readParameter(
  ctx: Context,
  p: JsonObject,
  name: string,
  where: ParameterModel['in'],
  at: string,
): ParameterModel {
  const contentType = isObject(p.content) ? Object.keys(p.content)[0] : undefined;
  const media = contentType !== undefined && isObject(p.content) ? p.content[contentType] : undefined;
  const schema = isObject(media) ? media.schema : p.schema;
  const shape = parameterShape(ctx.document, schema);
  const param: ParameterModel = {
    name,
    in: where,
    required: where === 'path' || p.required === true,
    pointer: at,
    shape,
  };
  if (schema !== undefined) param.schema = schema;
  const style = STYLES.find((s) => s === p.style);
  if (style !== undefined) param.style = style;
  if (typeof p.explode === 'boolean') param.explode = p.explode;
  if (p.allowReserved === true) param.allowReserved = true;
  if (contentType !== undefined) param.contentType = contentType;
  if (shape === 'object') {
    const properties = declaredProperties(ctx.document, schema);
    if (properties !== undefined) param.properties = properties;
  }
  return param;
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
  const json = mediaTypes.find((m) => isJsonContentType(m));
  if (json !== undefined) model.jsonMediaType = json;
  const media = json !== undefined && isObject(body.content) ? body.content[json] : undefined;
  if (isObject(media) && media.schema !== undefined) model.jsonSchema = media.schema;
  const form = mediaTypes.find((m) => isFormContentType(m));
  const formMedia = form !== undefined && isObject(body.content) ? body.content[form] : undefined;
  if (isObject(formMedia)) {
    if (formMedia.schema !== undefined) model.formSchema = formMedia.schema;
    const encoding = readEncoding(formMedia.encoding);
    if (encoding !== undefined) model.formEncoding = encoding;
  }
  const multipart = mediaTypes.find((m) => MULTIPART_MEDIA.test(m));
  const multipartMedia =
    multipart !== undefined && isObject(body.content) ? body.content[multipart] : undefined;
  if (isObject(multipartMedia)) {
    const parts = multipartParts({
      document: options.document,
      schema: multipartMedia.schema,
      encoding: multipartMedia.encoding,
      pointer: appendPointer(at, 'content', multipart!, 'schema'),
    });
    if (parts.files.length > 0) model.multipartFiles = parts.files;
    if (parts.json.length > 0) model.multipartJson = parts.json;
  }
  return model;
}

const MULTIPART_MEDIA = /^multipart\/form-data\s*(;.*)?$/i;

const typesOf = (schema: JsonObject): JsonValue[] =>
  Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];

/** A file: `type: string` with `format: binary` (3.0), or `contentMediaType` without `contentEncoding` (3.1). */
const isBinary = (schema: JsonObject): boolean =>
  (typesOf(schema).length === 0 || typesOf(schema).includes('string')) &&
  (schema.format === 'binary' ||
    (typeof schema.contentMediaType === 'string' && schema.contentEncoding === undefined));

const isObjectSchema = (schema: JsonObject): boolean =>
  typesOf(schema).includes('object') || (typesOf(schema).length === 0 && isObject(schema.properties));

/**
 * The multipart schema's top-level properties that are files, and those sent as a JSON part: OpenAPI's
 * default for an object or an array of objects is `application/json`, which `encoding.<name>.contentType`
 * overrides (a JSON media type makes any property a JSON part, another type none).
 */
function multipartParts(options: {
  document: JsonObject;
  schema: JsonValue | undefined;
  encoding: JsonValue | undefined;
  pointer: string;
}): { files: string[]; json: string[] } {
  const { document } = options;
  const files: string[] = [];
  const json: string[] = [];
  const resolve = (value: JsonValue | undefined, pointer: string): JsonObject | undefined => {
    const found = resolveRef({ document, value, pointer })?.value;
    return isObject(found) ? found : undefined;
  };
  const schema = resolve(options.schema, options.pointer);
  const properties = schema && isObject(schema.properties) ? schema.properties : {};
  const encoding = isObject(options.encoding) ? options.encoding : {};
  for (const [name, value] of Object.entries(properties)) {
    const property = resolve(value, appendPointer(options.pointer, 'properties', name));
    if (property === undefined) continue;
    const items = typesOf(property).includes('array')
      ? resolve(property.items, appendPointer(options.pointer, 'properties', name, 'items'))
      : undefined;
    if (isBinary(property) || (items !== undefined && isBinary(items))) files.push(name);
    const entry = Object.hasOwn(encoding, name) ? encoding[name] : undefined;
    const declared = isObject(entry) && typeof entry.contentType === 'string' ? entry.contentType : undefined;
    if (
      declared !== undefined
        ? isJsonContentType(declared)
        : isObjectSchema(property) || (items !== undefined && isObjectSchema(items))
    )
      json.push(name);
  }
  return { files, json };
}

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
    const at = appendPointer(options.pointer, 'responses', status);
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
      isProblem: mediaTypes.some((m) => isProblemContentType(m)),
      hasJsonBody: mediaTypes.some((m) => isJsonContentType(m)),
      headers,
    };
    if (typeof response.description === 'string') model.description = response.description;
    const json = mediaTypes.find((m) => isJsonContentType(m));
    if (json !== undefined) model.jsonMediaType = json;
    const media = json !== undefined && isObject(response.content) ? response.content[json] : undefined;
    if (isObject(media) && media.schema !== undefined) model.jsonSchema = media.schema;
    out.push(model);
  }
  return out;
}
