/**
 * Validates `x-idempotency` and `x-retry` (and the compat aliases `x-speakeasy-retries`, `x-fern-idempotent`,
 * `x-fern-idempotency-headers`) wherever they may stand: the document root, each path item and each
 * operation. Every problem is an `extension-invalid` error at the offending field's pointer.
 */
import type { UnlocatedDiagnostic } from '../core/diagnostics.js';
import { HTTP_METHODS } from '../core/http.js';
import { isObject, type JsonObject } from '../core/json.js';
import { appendPointer } from '../core/json-pointer.js';
import { ajvErrorsToDiagnostics } from './ajv-errors-to-diagnostics.js';
import { eventHosts } from './event-hosts.js';
import { EXTENSION_NAMES, extensionValidator } from './extension-validators.js';
import type { LoadedSpec } from './types.js';

export function validateExtensions(spec: LoadedSpec): UnlocatedDiagnostic[] {
  const diagnostics: UnlocatedDiagnostic[] = [];
  for (const { node, pointer } of extensionHosts(spec.document)) {
    for (const name of EXTENSION_NAMES) {
      const value = node[name];
      if (value === undefined) continue;
      const at = appendPointer(pointer, name);
      const validate = extensionValidator(name);
      if (!validate(value)) {
        diagnostics.push(...ajvErrorsToDiagnostics({ errors: validate.errors ?? [], name, pointer: at }));
      }
      if (name === 'x-retry' && pointer !== '' && isObject(value) && value.budget !== undefined) {
        diagnostics.push({
          code: 'extension-invalid',
          severity: 'error',
          message: 'x-retry.budget is only allowed at the document root',
          pointer: `${at}/budget`,
          hint: 'Move budget to the x-retry at the document root: it is one token bucket for the whole client.',
        });
      }
    }
  }
  return diagnostics;
}

/** Is `value` a valid value of `x-idempotency` / `x-retry`? The model skips invalid ones. */
export function isExtensionValueValid(kind: 'x-idempotency' | 'x-retry', value: unknown): boolean {
  return extensionValidator(kind)(value) === true;
}

/** The root, every path item and every operation, with their pointers. */
function* extensionHosts(document: JsonObject): Generator<{ node: JsonObject; pointer: string }> {
  yield { node: document, pointer: '' };
  const paths = document.paths;
  if (!isObject(paths)) return yield* eventHosts(document);
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const itemPointer = appendPointer('/paths', path);
    yield { node: item, pointer: itemPointer };
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (isObject(operation)) yield { node: operation, pointer: appendPointer(itemPointer, method) };
    }
  }
  yield* eventHosts(document);
}
