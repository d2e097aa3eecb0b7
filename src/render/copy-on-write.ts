/**
 * Edits to a copy of a JSON document that leave the original untouched: only the containers along each
 * edited path are copied, each once however many edits pass through it.
 */
import type { JsonObject, JsonValue } from '../core/json.js';

type Container = JsonObject | JsonValue[];

export interface CopyOnWrite {
  /** Sets the value at `segments` (which must lead through existing containers) in the copy. */
  set(segments: readonly string[], value: JsonValue): void;
  /** The value at `segments` in the copy (with the edits made so far), or `undefined`. */
  get(segments: readonly string[]): JsonValue | undefined;
  /** The copy: `root` itself while nothing was set. */
  readonly root: JsonObject;
}

export function copyOnWrite(original: JsonObject): CopyOnWrite {
  const fresh = new WeakSet<object>();
  let root = original;
  const own = <T extends Container>(node: T): T => {
    if (fresh.has(node)) return node;
    const copy = (Array.isArray(node) ? [...node] : { ...node }) as T;
    fresh.add(copy);
    return copy;
  };
  const child = (node: JsonValue | undefined, segment: string): JsonValue | undefined => {
    if (Array.isArray(node)) return /^(0|[1-9]\d*)$/.test(segment) ? node[Number(segment)] : undefined;
    if (typeof node === 'object' && node !== null && Object.hasOwn(node, segment)) return node[segment];
    return undefined;
  };
  return {
    get root() {
      return root;
    },
    get(segments) {
      let node: JsonValue | undefined = root;
      for (const segment of segments) node = child(node, segment);
      return node;
    },
    set(segments, value) {
      if (segments.length === 0) return;
      root = own(root);
      let parent: Container = root;
      for (const segment of segments.slice(0, -1)) {
        const next = child(parent, segment);
        if (typeof next !== 'object' || next === null) return;
        const copy = own(next);
        (parent as Record<string, JsonValue>)[segment] = copy;
        parent = copy;
      }
      (parent as Record<string, JsonValue>)[segments[segments.length - 1] as string] = value;
    },
  };
}
