/**
 * Bounds what a YAML document's aliases can cost before it is turned into a value. `yaml`'s own guard
 * (`maxAliasCount`) counts uses per anchor, which refuses ordinary specs that reuse one anchor a hundred
 * times while its recursive counting is itself unbounded, so it stays off and this walk over the syntax
 * tree (iterative, each anchored node measured once) counts instead:
 * - alias nodes (`*a`, and `<<: *a` merges), at most `maxAliases`;
 * - the size the document would have with every alias expanded, estimated from the source length of each
 *   scalar, at most `maxBytes` (a "billion laughs" of a few hundred bytes expands to gigabytes);
 * - an alias inside the node it names (a cycle: an infinite document) is refused outright;
 * - an alias to no anchor set before it, and a merge (`<<`) of anything but mappings, are syntax errors
 *   here, located at the alias or the merge (`yaml` reports neither, and throws when building the value).
 */
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { formatBytes, limitHint } from './spec-limits.js';

export interface AliasProblem {
  code: 'yaml-alias-limit' | 'yaml-alias-cycle' | 'yaml-syntax';
  /** Offset of the alias in the text. */
  offset: number;
  message: string;
  hint: string;
}

interface Frame {
  node: Node;
  children: (Node | null)[];
  next: number;
  size: number;
}

export function checkYamlAliases(options: {
  doc: Document;
  maxAliases: number;
  maxBytes: number;
}): AliasProblem | undefined {
  const { doc, maxAliases, maxBytes } = options;
  const root = doc.contents as Node | null;
  if (!root) return undefined;
  const anchors = new Map<string, Node>();
  const sizes = new Map<Node, number>();
  const open = new Set<Node>();
  let aliases = 0;
  let lastAlias = 0;
  const stack: Frame[] = [];
  let malformed: AliasProblem | undefined;
  const enter = (node: Node): number | undefined => {
    if (node.anchor) anchors.set(node.anchor, node);
    if (isMap(node) || isSeq(node)) {
      const children: (Node | null)[] = [];
      for (const item of node.items as unknown[]) {
        if (isPair(item)) {
          children.push(item.key as Node | null, item.value as Node | null);
          if (isMergeKey(item.key)) malformed ??= checkMerge(item.key, item.value as Node | null, anchors);
        } else children.push(item as Node | null);
      }
      stack.push({ node, children, next: 0, size: 2 });
      open.add(node);
      return undefined;
    }
    const range = (node as { range?: [number, number, number] }).range;
    return isScalar(node) && range ? Math.max(1, range[1] - range[0]) : 1;
  };
  const finish = (node: Node, size: number): void => {
    if (node.anchor) sizes.set(node, size);
  };
  const rootSize = enter(root);
  if (malformed) return malformed;
  if (rootSize !== undefined) return undefined;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.next === frame.children.length) {
      stack.pop();
      open.delete(frame.node);
      finish(frame.node, frame.size);
      const parent = stack[stack.length - 1];
      if (parent) parent.size += frame.size;
      if (aliases > 0 && frame.size > maxBytes) return expandedTooLarge(lastAlias, maxBytes);
      continue;
    }
    const child = frame.children[frame.next++] ?? null;
    if (child === null) {
      frame.size += 1;
      continue;
    }
    if (isAlias(child)) {
      aliases++;
      lastAlias = child.range?.[0] ?? 0;
      if (aliases > maxAliases) {
        return {
          code: 'yaml-alias-limit',
          offset: lastAlias,
          message: `more than ${maxAliases} YAML aliases in one document`,
          hint: limitHint('maxAliases'),
        };
      }
      const source = anchors.get(child.source);
      if (source === undefined) return unresolved(lastAlias, child.source);
      if (open.has(source)) {
        return {
          code: 'yaml-alias-cycle',
          offset: lastAlias,
          message: `the alias *${child.source} is inside the node it names, which would make the document infinite`,
          hint: 'Replace the alias with a $ref, which may be recursive.',
        };
      }
      frame.size += sizes.get(source) ?? 1;
      if (frame.size > maxBytes) return expandedTooLarge(lastAlias, maxBytes);
      continue;
    }
    const size = enter(child);
    if (malformed) return malformed;
    if (size !== undefined) {
      finish(child, size);
      frame.size += size;
    }
  }
  return undefined;
}

function expandedTooLarge(offset: number, maxBytes: number): AliasProblem {
  return {
    code: 'yaml-alias-limit',
    offset,
    message: `expanding the YAML aliases (the last one counted is here) would make the document larger than ${formatBytes(maxBytes)}`,
    hint: limitHint('maxBytes'),
  };
}

function unresolved(offset: number, name: string): AliasProblem {
  return {
    code: 'yaml-syntax',
    offset,
    message: `invalid YAML: the alias *${name} names no anchor (&${name}) set before it`,
    hint: 'Define the anchor before its first alias, or write the value out.',
  };
}

/** With `merge: true`, yaml parses a `<<` key as a scalar whose value is a symbol and whose source is `<<`. */
const isMergeKey = (key: unknown): key is Node =>
  isScalar(key) && (key.value === '<<' || (typeof key.value === 'symbol' && key.source === '<<'));

/** A merge takes a mapping, an alias of one, or a sequence of those. */
function checkMerge(
  key: Node,
  value: Node | null,
  anchors: ReadonlyMap<string, Node>,
): AliasProblem | undefined {
  const isMapping = (node: unknown): boolean =>
    isMap(node) ||
    (isAlias(node) && (anchors.get(node.source) === undefined || isMap(anchors.get(node.source))));
  const ok = isMapping(value) || (isSeq(value) && value.items.every((item) => isMapping(item)));
  if (ok) return undefined;
  return {
    code: 'yaml-syntax',
    offset: key.range?.[0] ?? 0,
    message: 'invalid YAML: a merge (<<) takes a mapping, an alias of one, or a list of those',
    hint: 'Merge only mappings, or write the keys out.',
  };
}
