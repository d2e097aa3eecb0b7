/**
 * `$ref` look-ups inside the bundled document. The loader has already bundled external files and reported
 * broken references, so an unresolvable reference here is skipped, never thrown.
 */
import { isObject, type JsonObject, type JsonValue } from '../core/json.js';
import { resolvePointer } from '../core/json-pointer.js';

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
    value = resolvePointer(options.document, pointer);
  }
  return value === undefined ? undefined : { value, pointer };
}
