/**
 * A parameter's shape (primitive, array or object: the columns of the OpenAPI style table) read from its
 * schema, `$ref`s resolved: `type: array` or `items` -> array; `type: object`, `properties`,
 * `additionalProperties` or `patternProperties` -> object; another type -> primitive. `null` does not count,
 * and the branches of `allOf`/`oneOf`/`anyOf` decide when they all agree. Undecided: primitive.
 */
import type { JsonObject, JsonValue } from '../core/json.js';
import { isObject } from '../core/json.js';
import { resolveRef } from './resolve-ref.js';

export type ParameterShape = 'primitive' | 'array' | 'object';

const COMBINERS = ['allOf', 'oneOf', 'anyOf'] as const;
const MAX_DEPTH = 32;

function resolveSchema(document: JsonObject, value: JsonValue | undefined): JsonObject | undefined {
  const found = resolveRef({ document, value, pointer: '' })?.value;
  return isObject(found) ? found : undefined;
}

function ownShape(schema: JsonObject): ParameterShape | undefined {
  const types = (
    Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type]
  ).filter((t) => t !== 'null');
  const shapes = new Set(
    types.map((t) => (t === 'array' ? 'array' : t === 'object' ? 'object' : 'primitive') as ParameterShape),
  );
  if (shapes.size === 1) return [...shapes][0];
  if (shapes.size > 1) return undefined;
  if (schema.items !== undefined || schema.prefixItems !== undefined) return 'array';
  if (
    isObject(schema.properties) ||
    schema.additionalProperties !== undefined ||
    schema.patternProperties !== undefined
  )
    return 'object';
  return undefined;
}

function shapeAt(
  document: JsonObject,
  value: JsonValue | undefined,
  depth: number,
): ParameterShape | undefined {
  const schema = resolveSchema(document, value);
  if (schema === undefined || depth > MAX_DEPTH) return undefined;
  const own = ownShape(schema);
  if (own !== undefined) return own;
  const branches = new Set<ParameterShape>();
  for (const combiner of COMBINERS) {
    const list = schema[combiner];
    if (!Array.isArray(list)) continue;
    for (const branch of list) {
      const shape = shapeAt(document, branch, depth + 1);
      if (shape !== undefined) branches.add(shape);
    }
  }
  return branches.size === 1 ? [...branches][0] : undefined;
}

/** The shape of a parameter whose schema is `schema` (absent: primitive). */
export function parameterShape(document: JsonObject, schema: JsonValue | undefined): ParameterShape {
  return shapeAt(document, schema, 0) ?? 'primitive';
}

/**
 * The property names an object schema declares (with those of its `allOf`/`oneOf`/`anyOf` branches), or
 * `undefined` when it takes others too (`additionalProperties` not `false`, `patternProperties`, or no
 * `properties` at all).
 */
export function declaredProperties(
  document: JsonObject,
  schema: JsonValue | undefined,
): string[] | undefined {
  const names = new Set<string>();
  let open = false;
  const visit = (value: JsonValue | undefined, depth: number): void => {
    const node = resolveSchema(document, value);
    if (node === undefined || depth > MAX_DEPTH) return;
    if (isObject(node.properties)) for (const name of Object.keys(node.properties)) names.add(name);
    if (
      (node.additionalProperties !== undefined && node.additionalProperties !== false) ||
      node.patternProperties !== undefined
    )
      open = true;
    for (const combiner of COMBINERS) {
      const list = node[combiner];
      if (Array.isArray(list)) for (const branch of list) visit(branch, depth + 1);
    }
  };
  visit(schema, 0);
  return open || names.size === 0 ? undefined : [...names];
}
