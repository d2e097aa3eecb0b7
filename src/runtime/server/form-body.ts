/**
 * Form request bodies -> objects: `application/x-www-form-urlencoded` with `URLSearchParams`,
 * `multipart/form-data` with the platform's own parser (`Response.formData()`: undici in Node 20+, Deno,
 * Bun, workers), so the runtime stays free of dependencies. Both run on bytes already read within the
 * body limit (`CoreRequest.body(maxBytes)`): a form is never parsed past 413. Field names in bracket
 * notation nest (`metadata[key]`, `items[0][price]`, see `form-fields.ts`).
 *
 * The validators see `fields`, where each file is a string naming its bytes (`file:` and a JSON array of
 * name, type and SHA-256): a `type: string, format: binary` schema accepts it, and the idempotency
 * fingerprint covers the file's content. `withFiles` puts the files back for the handler.
 *
 * A multipart part named in `jsonFields` (an object or array-of-objects property, or one whose `encoding`
 * says `contentType: application/json`) is one JSON document, whether it arrives as a string or as a file:
 * it is parsed here, so the validators see (and coerce) the object itself. Invalid JSON is a 400 at
 * `/body/<name>`.
 */

import {
  type FormEncoding,
  type FormNode,
  type FormObject,
  formEntriesToObject,
} from '../shared/form-fields.js';
import { MULTIPART_FORM_DATA, mediaTypeOf } from '../shared/media-type.js';
import type { ValidationIssue } from './types.js';

export type FormBody =
  | { ok: true; fields: FormObject; files: FormObject | undefined }
  | { ok: false; issues: ValidationIssue[] };

const lenientUtf8 = new TextDecoder();

const jsonPointer = (name: string): string => `/body/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;

export async function parseFormBody(input: {
  bytes: Uint8Array;
  contentType: string;
  encoding?: FormEncoding | undefined;
  jsonFields?: readonly string[] | undefined;
  maxDepth: number;
}): Promise<FormBody> {
  const { encoding, maxDepth } = input;
  if (mediaTypeOf(input.contentType) !== MULTIPART_FORM_DATA) {
    // forEach, not iteration: a project's `lib` may lack `DOM.Iterable`.
    const fields: [string, string][] = [];
    new URLSearchParams(lenientUtf8.decode(input.bytes)).forEach((value, name) => {
      fields.push([name, value]);
    });
    return fromParse(formEntriesToObject(fields, { encoding, maxDepth }), undefined);
  }
  let form: FormData;
  try {
    // A copy typed as backed by an ArrayBuffer, as `BodyInit` asks.
    const body = new Uint8Array(input.bytes);
    form = await new Response(body, { headers: { 'content-type': input.contentType } }).formData();
  } catch {
    return { ok: false, issues: [{ pointer: '/body', message: 'is not valid multipart/form-data' }] };
  }
  const entries: [string, string | File][] = [];
  const jsonParts: [string, string | File][] = [];
  const jsonFields = new Set(input.jsonFields ?? []);
  form.forEach((value, name) => {
    (jsonFields.has(name) ? jsonParts : entries).push([name, value]);
  });
  const json = new Map<string, unknown>();
  for (const [name, value] of jsonParts) {
    const pointer = jsonPointer(name);
    if (json.has(name)) return { ok: false, issues: [{ pointer, message: 'is sent as more than one part' }] };
    try {
      json.set(name, JSON.parse(typeof value === 'string' ? value : await value.text()));
    } catch {
      return { ok: false, issues: [{ pointer, message: 'is not valid JSON' }] };
    }
  }
  const shadow: [string, string][] = [];
  let hasFiles = false;
  for (const [name, value] of entries) {
    if (typeof value === 'string') shadow.push([name, value]);
    else {
      hasFiles = true;
      shadow.push([name, await fileToText(value)]);
    }
  }
  const files = hasFiles ? formEntriesToObject(entries, { encoding, maxDepth }) : undefined;
  const parsed = formEntriesToObject(shadow, { encoding, maxDepth });
  if (parsed.ok) {
    for (const [name, value] of json) {
      // A name sent both as a JSON part and in bracket notation (`meta[x]`) is refused.
      if (Object.hasOwn(parsed.value, name)) {
        return {
          ok: false,
          issues: [{ pointer: jsonPointer(name), message: 'is sent both as a value and with fields' }],
        };
      }
      parsed.value[name] = value as FormNode;
    }
  }
  return fromParse(parsed, files?.ok ? files.value : undefined);
}

function fromParse(parsed: ReturnType<typeof formEntriesToObject>, files: FormObject | undefined): FormBody {
  if (!parsed.ok) return { ok: false, issues: [{ pointer: parsed.pointer, message: parsed.message }] };
  return { ok: true, fields: parsed.value, files };
}

async function fileToText(file: File): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `file:${JSON.stringify([file.name, file.type, hex])}`;
}

const isFile = (value: unknown): value is Blob => typeof Blob !== 'undefined' && value instanceof Blob;

/**
 * A copy of the validated (and coerced) `fields` with each file put back where `files` has one: what the
 * handler receives. A single file the validator wrapped in an array (the schema asks for an array) stays wrapped.
 */
export function withFiles(fields: unknown, files: FormNode | undefined): unknown {
  if (files === undefined) return fields;
  if (isFile(files)) return Array.isArray(fields) ? [files] : files;
  if (Array.isArray(files)) {
    return Array.isArray(fields) ? fields.map((item, index) => withFiles(item, files[index])) : fields;
  }
  if (typeof files === 'object' && typeof fields === 'object' && fields !== null && !Array.isArray(fields)) {
    // A copy: `fields` stays what was validated and fingerprinted.
    const copy = Object.create(null) as Record<string, unknown>;
    for (const [key, value] of Object.entries(fields)) {
      copy[key] = Object.hasOwn(files, key) ? withFiles(value, (files as FormObject)[key]) : value;
    }
    return copy;
  }
  return fields;
}
