/**
 * Webhook and callback receivers in the types document: openapi-typescript types `webhooks` under their
 * names and callbacks not at all, while the generated server reaches every operation's types through
 * `paths[path][method]`. In a copy of the document, each receiver's operation (and its path item's
 * parameters) is also written under `paths` at its mount path (the model's `path`), so that one indexed
 * access serves operations and receivers alike. The copy has no `webhooks` (their operations are under
 * `paths` now, and openapi-typescript would declare each operation twice).
 */

import { HTTP_METHODS } from '../core/http.js';
import { isObject, type JsonObject, type JsonValue } from '../core/json.js';
import { pointerToSegments, resolvePointer, segmentsToPointer } from '../core/json-pointer.js';

export interface EventOperationPlace {
  pointer: string;
  path: string;
  method: string;
  event?: unknown;
}

/** True when the document has webhooks or callbacks: its types then wait for the model (`withEventPaths`). */
export function hasEventReceivers(document: JsonObject): boolean {
  if (isObject(document.webhooks) && Object.keys(document.webhooks).length > 0) return true;
  if (!isObject(document.paths)) return false;
  return Object.values(document.paths).some(
    (item) => isObject(item) && HTTP_METHODS.some((m) => isObject(item[m]) && isObject(item[m].callbacks)),
  );
}

/** `document`, or a copy whose `paths` also hold every receiver at its mount path. */
export function withEventPaths(document: JsonObject, operations: readonly EventOperationPlace[]): JsonObject {
  const receivers = operations.filter((op) => op.event !== undefined);
  if (receivers.length === 0) return document;
  const paths: Record<string, JsonValue> = { ...(isObject(document.paths) ? document.paths : {}) };
  for (const op of receivers) {
    const operation = resolvePointer(document, op.pointer);
    if (!isObject(operation)) continue;
    const itemPointer = segmentsToPointer(pointerToSegments(op.pointer).slice(0, -1));
    const item = resolvePointer(document, itemPointer);
    const existing = paths[op.path];
    const placed: JsonObject = isObject(existing) ? { ...existing } : {};
    if (isObject(item) && item.parameters !== undefined && placed.parameters === undefined)
      placed.parameters = item.parameters;
    placed[op.method] = operation;
    paths[op.path] = placed;
  }
  // Dropped from the copy: openapi-typescript would declare each webhook's operation twice in `operations`.
  const { webhooks: _webhooks, ...rest } = document;
  return { ...rest, paths };
}
