/**
 * RFC 6901 JSON pointers: encode, decode and resolve. `''` is the whole document. The generator's one
 * pointer module (the runtime keeps its own copy in `runtime/shared/json-pointer.ts`, since the runtime
 * imports nothing outside itself).
 * @see https://www.rfc-editor.org/rfc/rfc6901
 */
import type { JsonValue } from './json.js';

export function escapeSegment(segment: string | number): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

export function unescapeSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

export function segmentsToPointer(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) out += `/${escapeSegment(s)}`;
  return out;
}

export function pointerToSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  return pointer.slice(1).split('/').map(unescapeSegment);
}

/** Joins a pointer and more segments. */
export function appendPointer(pointer: string, ...segments: (string | number)[]): string {
  return pointer + segmentsToPointer(segments);
}

const NOT_FOUND: unique symbol = Symbol('not-found');

/**
 * The value at `pointer`, or `undefined` when nothing is there. A pointer other than `''` must start with
 * `/` (RFC 6901 section 3); one that does not points at nothing.
 */
export function resolvePointer(root: JsonValue, pointer: string): JsonValue | undefined {
  if (pointer !== '' && !pointer.startsWith('/')) return undefined;
  let node: JsonValue | typeof NOT_FOUND = root;
  for (const segment of pointerToSegments(pointer)) {
    node = childOf(node, segment);
    if (node === NOT_FOUND) return undefined;
  }
  return node;
}

function childOf(node: JsonValue, segment: string): JsonValue | typeof NOT_FOUND {
  if (Array.isArray(node)) {
    if (!/^(0|[1-9]\d*)$/.test(segment)) return NOT_FOUND;
    const item = node[Number(segment)];
    return item === undefined ? NOT_FOUND : item;
  }
  if (node !== null && typeof node === 'object' && Object.hasOwn(node, segment)) {
    return node[segment] as JsonValue;
  }
  return NOT_FOUND;
}
