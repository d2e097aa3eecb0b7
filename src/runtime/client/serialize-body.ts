/**
 * A request body -> what `fetch` sends, as the media type the operation declares: JSON (`*+json` too),
 * a form (`application/x-www-form-urlencoded`, `multipart/form-data`: an object of fields, see
 * `form-fields.ts`), `text/*` (a string) or bytes (`Blob`, `ArrayBuffer`, a typed array, or a string).
 * A body that cannot be written as that type is a `TypeError` before anything is sent: nothing is dropped
 * or turned into `{}`.
 */

import { type FormEncoding, objectToFormEntries } from '../shared/form-fields.js';
import { FORM_URLENCODED, isJsonMediaType, MULTIPART_FORM_DATA, mediaTypeOf } from '../shared/media-type.js';

export type { WithFiles } from '../shared/form-fields.js';

/** The operation's request body as the generator saw it. */
export interface RequestBodySpec {
  /** Declared media types in the spec's order; the first is the default. */
  mediaTypes: readonly string[];
  /** The form media type's `encoding` (style and explode per property). */
  encoding?: FormEncoding;
}

/** A binary request body (`application/octet-stream`, `image/*`, ...). */
export type BinaryBody = Blob | ArrayBuffer | Uint8Array | string;

export interface SerializedBody {
  payload: BodyInit;
  /** The `content-type` to send; `undefined` for multipart (fetch writes it with the boundary). */
  contentType: string | undefined;
}

const isBlob = (value: unknown): value is Blob => typeof Blob !== 'undefined' && value instanceof Blob;
const isBytes = (value: unknown): value is ArrayBuffer | ArrayBufferView =>
  value instanceof ArrayBuffer || ArrayBuffer.isView(value);
const isBuiltBody = (value: unknown): boolean =>
  isBlob(value) ||
  isBytes(value) ||
  value instanceof URLSearchParams ||
  (typeof FormData !== 'undefined' && value instanceof FormData) ||
  (typeof ReadableStream !== 'undefined' && value instanceof ReadableStream);

const describe = (value: unknown): string =>
  value === null ? 'null' : typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;

/** Whether `wanted` is one of `declared` (`image/png` matches `image/*` and `*\/*`). */
function matchDeclared(wanted: string, declared: readonly string[]): string | undefined {
  const media = mediaTypeOf(wanted);
  const slash = media.indexOf('/');
  return declared.find((d) => {
    const m = mediaTypeOf(d);
    return m === media || m === '*/*' || (slash > 0 && m === `${media.slice(0, slash)}/*`);
  });
}

const isPlainObject = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !isBlob(value) &&
  !(value instanceof Date);

/**
 * Whether a multipart property is sent as one JSON part: `encoding.<name>.contentType` decides when set (a
 * JSON media type: yes, any other: no, objects then use bracket notation); otherwise objects and arrays
 * holding objects are JSON, as OpenAPI specifies.
 */
function isJsonPart(value: unknown, contentType: string | undefined): boolean {
  if (value === undefined) return false;
  if (contentType !== undefined) return isJsonMediaType(mediaTypeOf(contentType));
  return isPlainObject(value) || (Array.isArray(value) && value.some(isPlainObject));
}

function objectFields(body: unknown, refuse: (what: string) => never): Record<string, unknown> {
  if (!isPlainObject(body)) refuse('a form body must be an object of fields');
  return body as Record<string, unknown>;
}

/**
 * Serializes `body` as `contentType` (default: the first declared type). Throws a `TypeError` when
 * `contentType` is not declared, or the body does not fit the media type.
 */
export function serializeBody(input: {
  body: unknown;
  spec: RequestBodySpec | undefined;
  contentType?: string | undefined;
}): SerializedBody {
  const { body, spec } = input;
  const declared = spec?.mediaTypes ?? [];
  const chosen = input.contentType ?? declared[0] ?? 'application/json';
  if (declared.length > 0 && matchDeclared(chosen, declared) === undefined) {
    throw new TypeError(
      `contentType ${chosen} is not declared for this request body: ${declared.join(', ')}`,
    );
  }
  const media = mediaTypeOf(chosen);
  // A wildcard declared and none chosen: bytes.
  const sent = media.includes('*') ? 'application/octet-stream' : chosen;
  const refuse = (what: string): never => {
    throw new TypeError(`cannot send a ${describe(body)} as ${media}: ${what}`);
  };
  if (isJsonMediaType(media)) {
    if (isBuiltBody(body)) refuse('pass the value itself, it is serialized as JSON');
    return { payload: JSON.stringify(body), contentType: sent };
  }
  if (media === FORM_URLENCODED) {
    if (body instanceof URLSearchParams) return { payload: body, contentType: sent };
    if (isBuiltBody(body)) refuse('pass an object of fields');
    const params = new URLSearchParams();
    for (const [name, value] of objectToFormEntries(body, spec?.encoding)) {
      if (typeof value !== 'string') refuse(`field ${name} is a file; files need multipart/form-data`);
      params.append(name, value as string);
    }
    return { payload: params, contentType: sent };
  }
  if (media === MULTIPART_FORM_DATA) {
    if (body instanceof FormData) return { payload: body, contentType: undefined };
    if (isBuiltBody(body)) refuse('pass an object of fields');
    const form = new FormData();
    const encoding = spec?.encoding ?? {};
    for (const [name, value] of Object.entries(objectFields(body, refuse))) {
      if (isJsonPart(value, encoding[name]?.contentType)) {
        // One part with `Content-Type: application/json` and no file name (OpenAPI's default for objects).
        form.append(name, new Blob([JSON.stringify(value)], { type: 'application/json' }), '');
        continue;
      }
      for (const [field, item] of objectToFormEntries({ [name]: value }, encoding)) {
        if (typeof item === 'string') form.append(field, item);
        else form.append(field, item, item instanceof File ? item.name : field);
      }
    }
    return { payload: form, contentType: undefined };
  }
  if (media.startsWith('text/')) {
    if (typeof body !== 'string') refuse('pass a string');
    return { payload: body as string, contentType: sent };
  }
  if (typeof body === 'string' || isBlob(body)) return { payload: body, contentType: sent };
  // A copy typed as backed by an ArrayBuffer, as `BodyInit` asks.
  if (isBytes(body)) {
    const view = ArrayBuffer.isView(body) ? body : new Uint8Array(body);
    return {
      payload: new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice(),
      contentType: sent,
    };
  }
  return refuse('pass a Blob, an ArrayBuffer, a Uint8Array or a string');
}
