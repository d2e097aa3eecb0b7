/**
 * `$ref` look-ups inside the bundled document. The loader has already bundled external files and reported
 * broken references, so an unresolvable reference here is skipped, never thrown.
 */
import type { JsonObject, JsonValue } from '../spec/types.js';

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 6901: `~` -> `~0`, `/` -> `~1`. */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  return base + tokens.map((t) => `/${escapePointerToken(String(t))}`).join('');
}

/** The value at a JSON pointer (`''` is the whole document), or `undefined`. */
export function getAtPointer(options: { document: JsonValue; pointer: string }): JsonValue | undefined {
  const { pointer } = options;
  if (pointer === '') return options.document;
  if (!pointer.startsWith('/')) return undefined;
  let node: JsonValue | undefined = options.document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = /^(0|[1-9]\d*)$/.test(token) ? node[Number(token)] : undefined;
    else if (isObject(node)) node = Object.hasOwn(node, token) ? node[token] : undefined;
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** A `$ref` fragment is URI-encoded (`%7B` for `{`); a malformed escape is kept as written. */
function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

export interface Resolved {
  value: JsonValue;
  /** Where the value stands: the last `$ref` target, or the given pointer when there was no `$ref`. */
  pointer: string;
}

/**
 * Follow `$ref`s (`#/...`) from `value` until a non-reference value; `undefined` when a reference does not
 * resolve, points outside the document or goes round in a cycle.
 */
export function resolveRef(options: {
  document: JsonObject;
  value: JsonValue | undefined;
  pointer: string;
}): Resolved | undefined {
  let { value, pointer } = options;
  const seen = new Set<string>();
  while (isObject(value) && typeof value.$ref === 'string') {
    const ref = value.$ref;
    if (!ref.startsWith('#') || seen.has(ref)) return undefined;
    seen.add(ref);
    pointer = decodeFragment(ref.slice(1));
    value = getAtPointer({ document: options.document, pointer });
  }
  return value === undefined ? undefined : { value, pointer };
}
