/**
 * openapi-typescript types a `$ref` as an indexed access along its pointer, dropping `properties` segments:
 * `#/components/schemas/Address/definitions/addressType` becomes
 * `components["schemas"]["Address"]["definitions"]["addressType"]`, a property no type has (TS2339, and
 * TS2502 where a type then refers to itself). The same goes for a `$ref` through `allOf/0`, `items`, into
 * `paths` (`.../content/application~1json/schema`) or along an optional property (`| undefined`), and for a
 * `$ref` to an operation's parameter (`#/paths/~1a/get/parameters/6` -> `paths["/a"]["get"]["parameters"]
 * ["query"]["name"]`, where `query` is optional).
 *
 * So, in the document sent to openapi-typescript only (validators and the model keep the original), every
 * schema a `$ref` points to that is not a top-level `#/components/schemas/<name>` is copied into
 * `components.schemas` under a name made of its pointer (`Address_definitions_addressType`,
 * `paths_pets_get_responses_200_content_application_json_schema`), made unique with `_2`, `_3`... against
 * the names already there, and every `$ref` to it (inside the copies too, so recursion holds) points there.
 * A parameter outside `components.parameters` goes into `components.parameters` the same way.
 */

import type { JsonObject, JsonValue } from '../core/json.js';
import { isObject } from '../core/json.js';
import { escapeSegment, pointerToSegments, resolvePointer, segmentsToPointer } from '../core/json-pointer.js';
import { collectRefs, isInternalRef } from '../load/collect-refs.js';
import { copyOnWrite } from './copy-on-write.js';

const REF_KEY = '"$ref":"#/';

/**
 * True when JSON text (as `JSON.stringify` writes it) has a `$ref` that is not `#/components/<kind>/<name>`:
 * a document without one needs no hoisting. Cheap: a few ms on GitHub's 13 MB spec, against 45 ms for the
 * walk (and a regular expression's first run, interpreted, takes 50 ms there). A name with an escaped
 * character only costs a walk that finds nothing.
 */
export function mayHaveNestedRefs(json: string): boolean {
  for (let at = json.indexOf(REF_KEY); at !== -1; at = json.indexOf(REF_KEY, at + REF_KEY.length)) {
    const start = at + REF_KEY.length;
    const target = json.slice(start, json.indexOf('"', start));
    if (!target.startsWith('components/') || target.split('/').length !== 3 || target.includes('\\')) {
      return true;
    }
  }
  return false;
}

/** Keys whose values map names to objects: a `schema` right after one is a name, not the keyword. */
const NAMED_MAPS = new Set([
  'paths',
  'webhooks',
  'headers',
  'content',
  'schemas',
  'responses',
  'parameters',
  'requestBodies',
  'callbacks',
  'examples',
  'links',
  'securitySchemes',
  'pathItems',
]);

/**
 * True when the pointer is a schema or inside one, but not a top-level `#/components/schemas/<name>`:
 * below a component schema, or at or below the `schema` of a parameter, header or media type.
 */
export function isNestedSchemaPointer(segments: readonly string[]): boolean {
  if (segments[0] === 'components' && segments[1] === 'schemas') return segments.length > 3;
  for (let i = 1; i < segments.length; i++) {
    if (segments[i] === 'schema' && !NAMED_MAPS.has(segments[i - 1] as string)) return true;
  }
  return false;
}

/** The segments of an internal `$ref` (`#/a~1b/%7Bc%7D` -> `['a/b', '{c}']`), or `undefined`. */
function refSegments(ref: string): string[] | undefined {
  let fragment: string;
  try {
    fragment = decodeURIComponent(ref.slice(1));
  } catch {
    fragment = ref.slice(1);
  }
  return fragment.startsWith('/') ? pointerToSegments(fragment) : undefined;
}

/** A parameter in a `parameters` list (of a path item or operation), not in `components.parameters`. */
export function isListedParameterPointer(segments: readonly string[]): boolean {
  const n = segments.length;
  return n >= 3 && segments[n - 2] === 'parameters' && /^(0|[1-9]\d*)$/.test(segments[n - 1] as string);
}

/** The `components` map a `$ref` target is hoisted into, or `undefined` when it needs no hoisting. */
function hoistKind(segments: readonly string[]): 'schemas' | 'parameters' | undefined {
  if (isNestedSchemaPointer(segments)) return 'schemas';
  if (segments[0] !== 'components' && isListedParameterPointer(segments)) return 'parameters';
  return undefined;
}

/** `components/schemas/Address/definitions/addressType` -> `Address_definitions_addressType`. */
export function hoistedName(segments: readonly string[]): string {
  const rest = segments[0] === 'components' && segments[1] === 'schemas' ? segments.slice(2) : segments;
  const words = rest.map((s) => s.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '')).filter(Boolean);
  return words.join('_') || 'schema';
}

function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  taken.add(name);
  return name;
}

function isHoistable(kind: 'schemas' | 'parameters', value: JsonValue | undefined): boolean {
  return isObject(value) || (kind === 'schemas' && typeof value === 'boolean');
}

type Kind = 'schemas' | 'parameters';

/**
 * `document`, or a copy whose nested schema `$ref` targets are hoisted into `components.schemas` (and
 * listed parameters into `components.parameters`).
 */
export function hoistNestedRefs(document: JsonObject): JsonObject {
  const components = isObject(document.components) ? document.components : {};
  const names = (kind: Kind) => new Set(Object.keys(isObject(components[kind]) ? components[kind] : {}));
  const taken = { schemas: names('schemas'), parameters: names('parameters') };
  /** Target pointer (canonical: decoded, then escaped again) -> its new `$ref`, in first-reference order. */
  const targets = new Map<string, { kind: Kind; name: string; ref: string }>();
  const rewrites: { holder: string[]; ref: string }[] = [];
  for (const site of collectRefs(document)) {
    if (!isInternalRef(site.ref)) continue;
    const segments = refSegments(site.ref);
    const kind = segments && hoistKind(segments);
    if (!segments || !kind) continue;
    const pointer = segmentsToPointer(segments);
    let target = targets.get(pointer);
    if (target === undefined) {
      if (!isHoistable(kind, resolvePointer(document, pointer))) continue;
      const name = uniqueName(hoistedName(segments), taken[kind]);
      target = { kind, name, ref: `#/components/${kind}/${escapeSegment(name)}` };
      targets.set(pointer, target);
    }
    rewrites.push({ holder: [...pointerToSegments(site.pointer), '$ref'], ref: target.ref });
  }
  if (targets.size === 0) return document;
  const copy = copyOnWrite(document);
  for (const { holder, ref } of rewrites) copy.set(holder, ref);
  // Taken from the copy: the `$ref`s inside a hoisted schema point at the hoisted names too.
  const hoisted: Record<Kind, JsonObject> = { schemas: {}, parameters: {} };
  for (const [pointer, { kind, name }] of targets) {
    hoisted[kind][name] = copy.get(pointerToSegments(pointer)) as JsonValue;
  }
  const copied = isObject(copy.root.components) ? { ...copy.root.components } : {};
  for (const kind of ['schemas', 'parameters'] as const) {
    if (Object.keys(hoisted[kind]).length === 0) continue;
    const existing = copied[kind];
    copied[kind] = { ...(isObject(existing) ? existing : {}), ...hoisted[kind] };
  }
  copy.set(['components'], copied);
  return copy.root;
}
