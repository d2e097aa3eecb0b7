/**
 * RFC 6901: the value a JSON pointer names in a parsed JSON document, or `undefined` when it names nothing
 * (a missing member, an index out of range or not in canonical form, `-`, or a step into a scalar). Only own
 * members are followed, so `/__proto__` or `/constructor` never reach the prototype.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6901 RFC 6901, JavaScript Object Notation (JSON) Pointer
 */
export function resolveJsonPointer(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  if (!pointer.startsWith('/')) return undefined;
  let current: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
      current = current[Number(token)];
    } else if (typeof current === 'object' && current !== null) {
      if (!Object.hasOwn(current, token)) return undefined;
      current = (current as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}
