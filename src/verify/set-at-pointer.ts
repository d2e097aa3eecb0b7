/** A copy of a JSON value with the member at `pointer` set (`to` undefined: removed); missing objects are made. */
import { isObject, type JsonObject, type JsonValue } from '../core/json.js';
import { pointerToSegments } from '../core/json-pointer.js';

export function setAtPointer(input: {
  value: JsonValue;
  pointer: string;
  to: JsonValue | undefined;
}): JsonValue {
  const segments = pointerToSegments(input.pointer);
  if (segments.length === 0) return input.to ?? null;
  const copy = structuredClone(input.value);
  if (!isObject(copy) && !Array.isArray(copy)) return copy;
  let node: JsonObject | JsonValue[] = copy;
  for (const segment of segments.slice(0, -1)) {
    const next: JsonValue | undefined = Array.isArray(node) ? node[Number(segment)] : node[segment];
    if (isObject(next) || Array.isArray(next)) {
      node = next;
    } else {
      const made: JsonObject = {};
      if (Array.isArray(node)) node[Number(segment)] = made;
      else node[segment] = made;
      node = made;
    }
  }
  const last = segments.at(-1) as string;
  if (Array.isArray(node)) {
    if (input.to === undefined) node.splice(Number(last), 1);
    else node[Number(last)] = input.to;
  } else if (input.to === undefined) delete node[last];
  else node[last] = input.to;
  return copy;
}
