/**
 * Finds every `$ref` string in a document. Literal data (`example`, `default`, `enum`, `const`, schema
 * `examples` arrays and Example objects' `value`) is skipped: a `$ref` key there is data, not a reference.
 */
import { segmentsToPointer } from './json-pointer.js';
import type { JsonValue } from './types.js';

export interface RefSite {
  /** Pointer of the object that holds the `$ref`. */
  pointer: string;
  ref: string;
}

const LITERAL_KEYS = new Set(['example', 'default', 'enum', 'const']);

/**
 * True when `key` holds literal data rather than OpenAPI or schema objects. `grandparentKey` is the key two
 * levels up (`examples` for an Example object's `value`).
 */
export function isLiteralKey(
  key: string,
  value: JsonValue,
  grandparentKey: string | number | undefined,
): boolean {
  if (LITERAL_KEYS.has(key)) return true;
  if (key === 'examples' && Array.isArray(value)) return true;
  return key === 'value' && grandparentKey === 'examples';
}

export function collectRefs(root: JsonValue, options: { cyclic?: boolean } = {}): RefSite[] {
  const sites: RefSite[] = [];
  const path: (string | number)[] = [];
  const ancestors = options.cyclic ? new Set<object>() : undefined;
  const visit = (node: JsonValue): void => {
    if (node === null || typeof node !== 'object') return;
    if (ancestors) {
      if (ancestors.has(node)) return;
      ancestors.add(node);
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        visit(node[i] as JsonValue);
        path.pop();
      }
    } else {
      const ref = node.$ref;
      if (typeof ref === 'string') sites.push({ pointer: segmentsToPointer(path), ref });
      for (const key in node) {
        const child = node[key] as JsonValue;
        if (child === null || typeof child !== 'object' || isLiteralKey(key, child, path[path.length - 2]))
          continue;
        path.push(key);
        visit(child);
        path.pop();
      }
    }
    ancestors?.delete(node);
  };
  visit(root);
  return sites;
}

/** True for a `$ref` into the same document (`#...`). */
export function isInternalRef(ref: string): boolean {
  return ref.startsWith('#');
}
