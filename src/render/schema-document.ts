/**
 * The document openapi-typescript types into `schema.ts`. openapi-typescript keys its `operations` interface
 * by `operationId`, so two operations with the same one (invalid OpenAPI, yet found in real specs) would
 * declare the key twice, and `schema.ts` would not compile. In a copy, every such operation but the first
 * gets the id the model gave it (`listOrders2`, see `resolveIdCollisions`). The generated modules reach the
 * types through `paths[path][method]`, never through `operations`.
 */

import type { JsonObject, JsonValue } from '../core/json.js';
import { isObject } from '../core/json.js';
import { appendPointer, pointerToSegments } from '../core/json-pointer.js';
import { resolveRef } from '../model/resolve-ref.js';
import { HTTP_METHODS } from '../model/types.js';
import { type EventOperationPlace, withEventPaths } from './event-paths.js';

interface OperationPlace {
  /** Where the operation object stands (a shared path item's operation is one place). */
  pointer: string;
  operationId?: string;
}

/** The operations of `paths`, in the model's order, each once (a path item `$ref`ed twice is one). */
function documentOperations(document: JsonObject): OperationPlace[] {
  const out = new Map<string, OperationPlace>();
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, value] of Object.entries(paths)) {
    if (!path.startsWith('/')) continue;
    const item = resolveRef({ document, value, pointer: appendPointer('/paths', path) });
    if (!item || !isObject(item.value)) continue;
    for (const method of HTTP_METHODS) {
      const node = item.value[method];
      if (!isObject(node)) continue;
      const pointer = `${item.pointer}/${method}`;
      const place: OperationPlace = { pointer };
      if (typeof node.operationId === 'string') place.operationId = node.operationId;
      out.set(pointer, place);
    }
  }
  return [...out.values()];
}

/** The places of operations whose `operationId` an earlier operation (another place) has. */
function repeatedPlaces(places: readonly OperationPlace[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { pointer, operationId } of places) {
    if (operationId === undefined) continue;
    if (seen.has(operationId)) repeated.add(pointer);
    seen.add(operationId);
  }
  return repeated;
}

/** True when openapi-typescript would key two operations by one `operationId` (rare: cheap to check first). */
export function hasRepeatedOperationIds(document: JsonObject): boolean {
  return repeatedPlaces(documentOperations(document)).size > 0;
}

/** A copy of `root` with `value` at `pointer`; only the containers along the pointer are copied. */
function withValueAt(root: JsonObject, segments: readonly string[], value: JsonValue): JsonObject {
  const [head, ...rest] = segments as [string, ...string[]];
  if (rest.length === 0) return { ...root, [head]: value };
  const child = root[head];
  return isObject(child) ? { ...root, [head]: withValueAt(child, rest, value) } : root;
}

/**
 * `document`, or a copy in which each operation whose `operationId` an earlier one has carries the model's
 * id for it instead (`operations` gives each operation's model id by its pointer).
 */
export function toSchemaDocument(
  document: JsonObject,
  operations: readonly ({ pointer: string; id: string } & Partial<EventOperationPlace>)[],
): JsonObject {
  const repeated = repeatedPlaces(documentOperations(document));
  let out = document;
  for (const op of operations) {
    if (!repeated.delete(op.pointer)) continue;
    out = withValueAt(out, [...pointerToSegments(op.pointer), 'operationId'], op.id);
  }
  // Webhooks and callbacks also go under `paths` at their mount paths (event-paths.ts).
  const events = operations.filter(
    (op): op is EventOperationPlace & { id: string } => op.event !== undefined,
  );
  return withEventPaths(out, events);
}
