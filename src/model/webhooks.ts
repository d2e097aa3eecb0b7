/**
 * Webhooks (OpenAPI 3.1 `webhooks`) and callbacks (an operation's `callbacks`) as event receivers: path
 * items with no path of their own, mounted on the generated server at `x-webhook-path` (operation, else
 * path item), by default `/webhooks/<name>` and `/callbacks/<operation id>/<callback name>` (`/<n>` after it
 * for a callback's second and later expressions). build.ts builds each method of each one as an operation
 * with `event` set; the root's `x-idempotency` and `x-retry` do not reach them (see docs/events.md).
 */
import type { UnlocatedDiagnostic } from '../core/diagnostics.js';
import { isObject, type JsonObject } from '../core/json.js';
import { appendPointer, resolvePointer } from '../core/json-pointer.js';
import { resolveRef } from './resolve-ref.js';
import type { EventModel, OperationModel } from './types.js';

export const WEBHOOK_PATH_EXTENSION = 'x-webhook-path';

/** One webhook or callback path item, ready to be built like a path's. */
export interface EventPathItem {
  node: JsonObject;
  pointer: string;
  /** The default mount path; an operation's or the path item's `x-webhook-path` wins. */
  defaultPath: string;
  event: EventModel;
}

const segment = (text: string): string => encodeURIComponent(text);

/** Every webhook of the document, in document order (`$ref`ed path items resolved). */
export function findWebhooks(document: JsonObject): EventPathItem[] {
  if (!isObject(document.webhooks)) return [];
  const out: EventPathItem[] = [];
  for (const [name, value] of Object.entries(document.webhooks)) {
    const resolved = resolveRef({ document, value, pointer: appendPointer('/webhooks', name) });
    if (!resolved || !isObject(resolved.value)) continue;
    out.push({
      node: resolved.value,
      pointer: resolved.pointer,
      defaultPath: `/webhooks/${segment(name)}`,
      event: { kind: 'webhook', name },
    });
  }
  return out;
}

/** Every callback of the given (path) operations, in document order. */
export function findCallbacks(document: JsonObject, operations: readonly OperationModel[]): EventPathItem[] {
  const out: EventPathItem[] = [];
  for (const op of operations) {
    const node = resolvePointer(document, op.pointer);
    if (!isObject(node) || !isObject(node.callbacks)) continue;
    for (const [name, value] of Object.entries(node.callbacks)) {
      const at = appendPointer(`${op.pointer}/callbacks`, name);
      const callback = resolveRef({ document, value, pointer: at });
      if (!callback || !isObject(callback.value)) continue;
      let index = 0;
      for (const [expression, itemValue] of Object.entries(callback.value)) {
        if (expression.startsWith('x-')) continue;
        const item = resolveRef({
          document,
          value: itemValue,
          pointer: appendPointer(callback.pointer, expression),
        });
        if (!item || !isObject(item.value)) continue;
        index++;
        const base = `/callbacks/${segment(op.id)}/${segment(name)}`;
        out.push({
          node: item.value,
          pointer: item.pointer,
          defaultPath: index === 1 ? base : `${base}/${index}`,
          event: { kind: 'callback', name, expression, parentId: op.id },
        });
      }
    }
  }
  return out;
}

/** The mount path of one method of an event path item: the operation's `x-webhook-path`, the item's, else the default. */
export function eventMountPath(item: EventPathItem, operation: JsonObject): string {
  const own = operation[WEBHOOK_PATH_EXTENSION];
  if (typeof own === 'string' && own.startsWith('/')) return own;
  const shared = item.node[WEBHOOK_PATH_EXTENSION];
  return typeof shared === 'string' && shared.startsWith('/') ? shared : item.defaultPath;
}

/** `webhook-path-collision`: an event receiver mounted where another operation (or receiver) already is. */
export function findMountCollisions(operations: readonly OperationModel[]): UnlocatedDiagnostic[] {
  const seen = new Map<string, OperationModel>();
  const out: UnlocatedDiagnostic[] = [];
  for (const op of operations) {
    const place = `${op.method} ${op.path}`;
    const first = seen.get(place);
    if (first === undefined) {
      seen.set(place, op);
      continue;
    }
    if (op.event === undefined) continue;
    out.push({
      code: 'webhook-path-collision',
      severity: 'error',
      message: `The ${op.event.kind} "${op.event.name}" is mounted at ${op.method.toUpperCase()} ${op.path}, where ${first.event ? `the ${first.event.kind} "${first.event.name}"` : `the operation ${first.id}`} already is.`,
      pointer: op.pointer,
      hint: `Give it a path of its own with ${WEBHOOK_PATH_EXTENSION}, e.g. ${WEBHOOK_PATH_EXTENSION}: /webhooks/${op.id}.`,
    });
  }
  return out;
}
