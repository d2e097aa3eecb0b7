/**
 * The nodes of webhooks (OpenAPI 3.1 `webhooks`) and callbacks (an operation's `callbacks`) where our
 * extensions may stand: each path item and each of its operations, with their pointers. `$ref`s are not
 * followed (a referenced path item is validated where it is defined, if there).
 */
import { HTTP_METHODS } from '../core/http.js';
import { isObject, type JsonObject } from '../core/json.js';
import { appendPointer } from '../core/json-pointer.js';

export interface ExtensionHost {
  node: JsonObject;
  pointer: string;
}

function* pathItemHosts(item: JsonObject, pointer: string): Generator<ExtensionHost> {
  yield { node: item, pointer };
  for (const method of HTTP_METHODS) {
    const operation = item[method];
    if (isObject(operation)) yield { node: operation, pointer: appendPointer(pointer, method) };
  }
}

/** Every callback path item (and its operations) of one operation. */
export function* callbackHosts(operation: JsonObject, pointer: string): Generator<ExtensionHost> {
  if (!isObject(operation.callbacks)) return;
  for (const [name, callback] of Object.entries(operation.callbacks)) {
    if (!isObject(callback)) continue;
    const at = appendPointer(appendPointer(pointer, 'callbacks'), name);
    for (const [expression, item] of Object.entries(callback)) {
      if (isObject(item) && !expression.startsWith('x-'))
        yield* pathItemHosts(item, appendPointer(at, expression));
    }
  }
}

/** Every webhook path item and operation, and every callback of every operation (of paths and webhooks). */
export function* eventHosts(document: JsonObject): Generator<ExtensionHost> {
  if (isObject(document.webhooks)) {
    for (const [name, item] of Object.entries(document.webhooks)) {
      if (isObject(item)) yield* pathItemHosts(item, appendPointer('/webhooks', name));
    }
  }
  for (const section of ['paths', 'webhooks'] as const) {
    const items = document[section];
    if (!isObject(items)) continue;
    for (const [key, item] of Object.entries(items)) {
      if (!isObject(item)) continue;
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        const at = appendPointer(appendPointer(`/${section}`, key), method);
        if (isObject(operation)) yield* callbackHosts(operation, at);
      }
    }
  }
}
