/**
 * Does a JSON pointer into a request body name something that the body's JSON Schema declares? Walks
 * `properties` (and `patternProperties`), `$ref`, `allOf`/`oneOf`/`anyOf`, `items`/`prefixItems` for
 * numeric tokens; `additionalProperties: true` (or a schema) lets an unknown name through. Each
 * (schema, depth) pair is visited once, so circular schemas end.
 */
import type { JsonObject, JsonValue } from '../core/json.js';
import { isObject } from '../core/json.js';
import { resolveRef } from './resolve-ref.js';

function tokensOf(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function matchesPattern(pattern: string, token: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(token);
  } catch {
    return false;
  }
}

export function schemaHasPointer(options: {
  document: JsonObject;
  schema: JsonValue;
  pointer: string;
}): boolean {
  const tokens = tokensOf(options.pointer);
  if (tokens === undefined) return false;
  const visited = new Map<object, Set<number>>();

  const reaches = (schema: JsonValue | undefined, index: number): boolean => {
    if (index === tokens.length) return schema !== undefined && schema !== false;
    if (schema === true) return true;
    if (!isObject(schema)) return false;
    const seen = visited.get(schema) ?? new Set<number>();
    if (seen.has(index)) return false;
    visited.set(schema, seen.add(index));

    if (typeof schema.$ref === 'string') {
      const target = resolveRef({ document: options.document, value: schema, pointer: '' });
      // A broken reference is the loader's to report; here it counts as unknown, so allowed.
      if (!target || reaches(target.value, index)) return true;
    }
    for (const combinator of ['allOf', 'oneOf', 'anyOf'] as const) {
      const members = schema[combinator];
      if (Array.isArray(members) && members.some((m) => reaches(m, index))) return true;
    }
    const token = tokens[index]!;
    const { properties, patternProperties, additionalProperties } = schema;
    if (isObject(properties) && Object.hasOwn(properties, token) && reaches(properties[token], index + 1))
      return true;
    if (isObject(patternProperties)) {
      for (const [pattern, sub] of Object.entries(patternProperties)) {
        if (matchesPattern(pattern, token) && reaches(sub, index + 1)) return true;
      }
    }
    if (/^(0|[1-9]\d*)$/.test(token)) {
      const prefix = schema.prefixItems;
      if (Array.isArray(prefix) && reaches(prefix[Number(token)], index + 1)) return true;
      const items = Array.isArray(schema.items) ? schema.items[Number(token)] : schema.items;
      if (reaches(items, index + 1)) return true;
    }
    if (additionalProperties === true) return true;
    return isObject(additionalProperties) && reaches(additionalProperties, index + 1);
  };

  return reaches(options.schema, 0);
}
