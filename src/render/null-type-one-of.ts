/**
 * A schema with `type: "null"` beside a `oneOf` is how some converters write a nullable union
 * (Vercel's `EdgeConfigItemValue`: `{ type: "null", oneOf: [string, number, boolean, object, array] }`).
 * openapi-typescript keeps `oneOf` members that are not all primitives as an intersection with the schema's
 * own type, `null & (string | ... | EdgeConfigItemValue[])`: not the nullable union meant, and, when a member
 * refers back to the schema, a type that refers to itself (TS2502). In the document sent to
 * openapi-typescript only, such a schema becomes `{ oneOf: [...members, { type: "null" }] }`, typed
 * `string | ... | EdgeConfigItemValue[] | null`.
 *
 * Strictly, JSON Schema reads the original as "null and one of these", which no value is when no member
 * admits null; the validators keep the document as written.
 */

import type { JsonObject, JsonValue } from '../core/json.js';
import { isObject } from '../core/json.js';
import { isLiteralKey } from '../load/collect-refs.js';
import { copyOnWrite } from './copy-on-write.js';

/** Cheap test on the document's JSON text (as `JSON.stringify` writes it): no `"type":"null"`, nothing to do. */
export function mayHaveNullTypeOneOf(json: string): boolean {
  return json.includes('"type":"null"');
}

function isNullTypeOneOf(node: JsonObject): boolean {
  return node.type === 'null' && Array.isArray(node.oneOf) && node.oneOf.length > 0;
}

/** The places of such schemas, outer before inner (literal data is skipped). */
function findNullTypeOneOf(root: JsonObject): string[][] {
  const found: string[][] = [];
  const path: string[] = [];
  const visit = (node: JsonValue): void => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => {
        if (child === null || typeof child !== 'object') return;
        path.push(String(index));
        visit(child);
        path.pop();
      });
      return;
    }
    if (!isObject(node)) return;
    if (isNullTypeOneOf(node)) found.push([...path]);
    for (const [key, child] of Object.entries(node)) {
      if (child === null || typeof child !== 'object') continue;
      if (isLiteralKey(key, child, path[path.length - 2], path[path.length - 1])) continue;
      path.push(key);
      visit(child);
      path.pop();
    }
  };
  visit(root);
  return found;
}

/** `document`, or a copy in which each `{ type: "null", oneOf }` is `{ oneOf: [...oneOf, { type: "null" }] }`. */
export function nullTypeOneOfToUnion(document: JsonObject): JsonObject {
  const places = findNullTypeOneOf(document);
  if (places.length === 0) return document;
  const copy = copyOnWrite(document);
  for (const place of places) {
    // From the copy: an outer schema rewritten first keeps the members an inner rewrite then edits.
    const node = copy.get(place);
    if (!isObject(node) || !isNullTypeOneOf(node)) continue;
    const { type: _type, oneOf, ...rest } = node;
    copy.set(place, { ...rest, oneOf: [...(oneOf as JsonValue[]), { type: 'null' }] });
  }
  return copy.root;
}
