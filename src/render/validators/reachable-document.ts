import { isObject, type JsonObject, type JsonValue } from '../../core/json.js';

/**
 * `#/components/schemas/a~1b/properties/c` -> `['components', 'schemas', 'a/b']`: the component that holds
 * the target. Undefined for anything else (an anchor, a relative URI, a pointer outside `components`).
 */
function refToComponent(ref: string): [string, string, string] | undefined {
  if (!ref.startsWith('#/components/')) return undefined;
  try {
    const [root, kind, name] = decodeURIComponent(ref.slice(2))
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
    return root && kind && name !== undefined ? [root, kind, name] : undefined;
  } catch {
    return undefined;
  }
}

/** Every string `$ref` in a value (depth first); false as soon as `visit` says to stop. */
function everyRef(value: JsonValue, visit: (ref: string) => boolean): boolean {
  if (Array.isArray(value)) return value.every((item) => everyRef(item, visit));
  if (!isObject(value)) return true;
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string') {
      if (!visit(child)) return false;
    } else if (!everyRef(child, visit)) return false;
  }
  return true;
}

/**
 * The components of `document` that the `roots` reach through local `$ref`s, at the same pointers
 * (`components.<kind>.<name>`, each the document's own value, shared and never modified), so that ajv adds
 * and walks what request validation uses rather than the whole document: on GitHub's spec responses and
 * examples are most of it. Undefined when a `$ref` points elsewhere (an anchor, a relative URI, a pointer
 * outside `components`): then ajv is given the whole document, as before.
 */
export function documentToReachable(input: {
  document: JsonObject;
  roots: readonly JsonValue[];
}): JsonObject | undefined {
  const components = input.document.components;
  const out: JsonObject = {};
  const reached: JsonObject = {};
  const seen = new Set<string>();
  const queue = [...input.roots];
  const visit = (ref: string): boolean => {
    if (seen.has(ref)) return true;
    seen.add(ref);
    const path = refToComponent(ref);
    if (!path || !isObject(components)) return false;
    const [, kind, name] = path;
    const group = components[kind];
    if (!isObject(group) || !Object.hasOwn(group, name)) return true; // ajv reports the missing target
    const holder = isObject(reached[kind]) ? reached[kind] : {};
    reached[kind] = holder;
    if (Object.hasOwn(holder, name)) return true;
    holder[name] = group[name]!;
    queue.push(group[name]!);
    return true;
  };
  for (let value = queue.pop(); value !== undefined; value = queue.pop()) {
    if (!everyRef(value, visit)) return undefined;
  }
  out.components = reached;
  return out;
}
