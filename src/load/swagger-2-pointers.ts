/**
 * Maps a pointer into a document converted from Swagger 2.0 (by swagger2openapi) back to a pointer into the
 * original Swagger 2.0 document, so diagnostics point at the lines the user wrote. It undoes the moves the
 * converter makes: `/components/schemas|parameters|responses|securitySchemes/X` came from
 * `/definitions|parameters|responses|securityDefinitions/X`; a response's `content/<type>/schema` from its
 * `schema`; a parameter's or header's `schema/...` from the parameter or header itself; a `requestBody` from
 * the operation's `in: body` parameter (its `content/<type>/schema` from that parameter's `schema`) or from
 * its `in: formData` parameters (one per schema property); operation parameters are renumbered around the
 * body and formData parameters the converter took out. Anything else is looked up unchanged. When the result
 * is not in the original, the nearest ancestor that is stands in, and the position is marked approximate.
 */

import type { JsonObject, JsonValue } from '../core/json.js';
import { pointerToSegments, resolvePointer, segmentsToPointer } from '../core/json-pointer.js';

/** Appended to the message of a diagnostic whose position is approximate. */
export const APPROXIMATE_NOTE =
  '(Position approximate: this part moved when the document was converted from Swagger 2.0.)';

export interface MappedPointer {
  pointer: string;
  /** True when the original has no exact counterpart and an ancestor stands in. */
  approximate: boolean;
}

export type PointerMap = (pointer: string) => MappedPointer;

type Segments = (string | number)[];

/** Builds the map for one original document; each call costs a walk down the pointer, no more. */
export function swagger2PointerMap(original: JsonValue): PointerMap {
  return (pointer) => {
    const mapped = toOriginal(original, pointerToSegments(pointer));
    let segments = mapped.segments;
    let approximate = mapped.approximate;
    while (segments.length > 0 && resolvePointer(original, segmentsToPointer(segments)) === undefined) {
      segments = segments.slice(0, -1);
      approximate = true;
    }
    return { pointer: segmentsToPointer(segments), approximate };
  };
}

const MOVED: Record<string, string> = {
  schemas: 'definitions',
  parameters: 'parameters',
  responses: 'responses',
  securitySchemes: 'securityDefinitions',
};

function toOriginal(original: JsonValue, s: string[]): { segments: Segments; approximate: boolean } {
  const exact = (segments: Segments) => ({ segments, approximate: false });
  const [top, a, b, ...rest] = s;
  if (top === 'openapi') return exact(['swagger']);
  if (top === 'servers')
    return { segments: [hasKey(original, 'host') ? 'host' : 'basePath'], approximate: true };
  if (top === 'components') {
    const from = a === undefined ? undefined : MOVED[a];
    if (from === undefined || b === undefined) return { segments: [], approximate: true };
    const name = originalName(original, from, b);
    const tail = s.slice(3);
    if (from === 'parameters') return exact([from, name, ...parameterTail(tail)]);
    if (from === 'responses') return exact([from, name, ...responseTail(tail)]);
    return exact([from, name, ...tail]);
  }
  if (top !== 'paths' || a === undefined || b === undefined) return exact(s);
  const pathItem = [top, a];
  if (b === 'parameters') return parameterAt(original, pathItem, rest);
  const [c, ...more] = rest;
  const operation = [...pathItem, b];
  if (c === 'parameters') return parameterAt(original, operation, more);
  if (c === 'requestBody') return requestBody(original, operation, pathItem, more);
  if (c === 'responses' && more[0] !== undefined)
    return exact([...operation, c, more[0], ...responseTail(more.slice(1))]);
  return exact(s);
}

function hasKey(original: JsonValue, key: string): boolean {
  return isObject(original) && original[key] !== undefined;
}

/** `content/<type>/schema/...` -> `schema/...`, `headers/H/schema/...` -> `headers/H/...`. */
function responseTail(tail: string[]): string[] {
  const [first, second, third, ...rest] = tail;
  if (first === 'content' && third === 'schema') return ['schema', ...rest];
  if (first === 'content' && (third === 'examples' || third === 'example') && second !== undefined)
    return ['examples', second];
  if (first === 'headers' && second !== undefined && third === 'schema') return [first, second, ...rest];
  return tail;
}

/** A non-body parameter's `schema/...` was the parameter itself. */
function parameterTail(tail: string[]): string[] {
  return tail[0] === 'schema' ? tail.slice(1) : tail;
}

/** The i-th converted parameter is the i-th original one that is neither `in: body` nor `in: formData`. */
function parameterAt(
  original: JsonValue,
  owner: string[],
  tail: string[],
): { segments: Segments; approximate: boolean } {
  const [index, ...rest] = tail;
  const list = parametersOf(original, owner);
  if (index === undefined || !/^\d+$/.test(index))
    return { segments: [...owner, 'parameters', ...tail], approximate: false };
  let seen = -1;
  for (const [i, param] of list.entries()) {
    const where = inOf(original, param);
    if (where === 'body' || where === 'formData') continue;
    seen++;
    if (seen === Number(index))
      return { segments: [...owner, 'parameters', i, ...parameterTail(rest)], approximate: false };
  }
  return { segments: [...owner, 'parameters'], approximate: true };
}

/** The requestBody came from the `in: body` parameter, or (a form) from the `in: formData` ones. */
function requestBody(
  original: JsonValue,
  operation: string[],
  pathItem: string[],
  tail: string[],
): { segments: Segments; approximate: boolean } {
  for (const owner of [operation, pathItem]) {
    const list = parametersOf(original, owner);
    const body = list.findIndex((p) => inOf(original, p) === 'body');
    if (body !== -1) {
      const at = [...owner, 'parameters', body];
      const [first, , third, ...rest] = tail;
      if (tail.length === 0 || (first === 'required' && tail.length === 1) || first === 'description')
        return { segments: [...at, ...tail], approximate: false };
      if (first === 'content' && third === 'schema')
        return { segments: [...at, 'schema', ...rest], approximate: false };
      return { segments: at, approximate: true };
    }
    const form = list.flatMap((p, i) => (inOf(original, p) === 'formData' ? [i] : []));
    if (form.length > 0) {
      const [first, , third, fourth, name, ...rest] = tail;
      if (first === 'content' && third === 'schema' && fourth === 'properties' && name !== undefined) {
        const i = form.find((k) => nameOf(original, list[k]) === name);
        if (i !== undefined) return { segments: [...owner, 'parameters', i, ...rest], approximate: false };
      }
      return { segments: [...owner, 'parameters', form[0] as number], approximate: true };
    }
  }
  return { segments: operation, approximate: true };
}

function parametersOf(original: JsonValue, owner: string[]): JsonValue[] {
  const list = resolvePointer(original, segmentsToPointer([...owner, 'parameters']));
  return Array.isArray(list) ? list : [];
}

/** A parameter's `in`, following an internal `$ref` (`#/parameters/X`) once. */
function inOf(original: JsonValue, param: JsonValue | undefined): unknown {
  return deref(original, param)?.in;
}

function nameOf(original: JsonValue, param: JsonValue | undefined): unknown {
  return deref(original, param)?.name;
}

function deref(original: JsonValue, param: JsonValue | undefined): JsonObject | undefined {
  if (!isObject(param)) return undefined;
  if (typeof param.$ref === 'string' && param.$ref.startsWith('#')) {
    const target = resolvePointer(original, decodeURIComponent(param.$ref.slice(1)));
    return isObject(target) ? target : undefined;
  }
  return param;
}

/** The original name of a component the converter may have renamed (as oas-kit-common's `sanitiseAll`). */
function originalName(original: JsonValue, section: string, name: string): string {
  const names = isObject(original) && isObject(original[section]) ? Object.keys(original[section]) : [];
  if (names.includes(name)) return name;
  return names.find((n) => sanitise(n) === name) ?? name;
}

function sanitise(name: string): string {
  return name
    .split('/')
    .join('_')
    .replace('[]', 'Array')
    .replace(/[^A-Za-z0-9_\-.]+|\s+/gm, '_');
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
