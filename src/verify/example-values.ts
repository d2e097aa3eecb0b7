/**
 * Values for a request, from the spec first: an operation's own examples (`example`, the first of
 * `examples`), then the schema's `example`, `default`, first `enum` value; else a value sampled from the
 * schema by openapi-sampler, which follows `$ref`s through the document and honours `pattern`s.
 */
import { sample } from 'openapi-sampler';
import { isObject, type JsonObject, type JsonValue } from '../core/json.js';
import { resolvePointer } from '../core/json-pointer.js';
import { resolveRef } from '../model/resolve-ref.js';

/** The object at `pointer`, `$ref`s followed; `undefined` when it is not an object. */
export function objectAt(document: JsonObject, pointer: string): JsonObject | undefined {
  const resolved = resolveRef({ document, value: resolvePointer(document, pointer), pointer });
  return resolved && isObject(resolved.value) ? resolved.value : undefined;
}

/** The example an OpenAPI object (parameter, media type) gives: `example`, else the first `examples` value. */
export function ownExample(document: JsonObject, owner: JsonObject | undefined): JsonValue | undefined {
  if (!owner) return undefined;
  if (owner.example !== undefined) return owner.example;
  if (isObject(owner.examples)) {
    for (const entry of Object.values(owner.examples)) {
      const resolved = resolveRef({ document, value: entry, pointer: '' });
      if (resolved && isObject(resolved.value) && resolved.value.value !== undefined)
        return resolved.value.value;
    }
  }
  return undefined;
}

/** A value valid for `schema` as far as the spec tells: its example, default or first enum value, else sampled. */
export function schemaValue(document: JsonObject, schema: JsonValue | undefined): JsonValue | undefined {
  if (schema === undefined) return undefined;
  const resolved = resolveRef({ document, value: schema, pointer: '' })?.value;
  if (isObject(resolved)) {
    if (resolved.example !== undefined) return resolved.example;
    if (Array.isArray(resolved.examples) && resolved.examples[0] !== undefined) return resolved.examples[0];
    if (resolved.default !== undefined) return resolved.default;
    if (Array.isArray(resolved.enum) && resolved.enum[0] !== undefined) return resolved.enum[0];
  }
  try {
    const value = sample(
      schema as Parameters<typeof sample>[0],
      { skipReadOnly: true, quiet: true, enablePatterns: true },
      document,
    );
    return value === undefined ? undefined : (value as JsonValue);
  } catch {
    return undefined;
  }
}
