/**
 * Pointer -> line:column, computed lazily and only for diagnostics. The first time one of a file's pointers
 * is located, YAML text is parsed into a `yaml` document, once per index (JSON text gets a much faster
 * scanner, and many JSON pointers located together cost one pass over the text); the caller keeps the
 * index per file.
 */
import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, parseDocument, type YAMLMap } from 'yaml';
import { pointerToSegments } from '../core/json-pointer.js';
import { createJsonOffsetFinder, jsonOffsetsOf } from './json-positions.js';
import { isJsonText } from './parse-spec-text.js';

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface PositionIndex {
  /** The position of `pointer`: a mapping entry's key, a sequence item, or the nearest existing ancestor. */
  positionOf(pointer: string): Position;
  /** The positions of many pointers at once, in order: for JSON text one pass over the text for all. */
  positionsOf(pointers: readonly string[]): Position[];
}

/** Counts the documents parsed for positions, so tests can assert that a clean load parses none. */
export const positionStats = { parses: 0 };

export function createPositionIndex(text: string): PositionIndex {
  const isJson = isJsonText(text);
  let counted = false;
  const countParse = () => {
    if (!counted) positionStats.parses++;
    counted = true;
  };
  let offsetFor: ((segments: readonly string[]) => number) | undefined;
  let lineStarts: number[] | undefined;
  const build = () => {
    countParse();
    if (isJson) return createJsonOffsetFinder(text);
    const doc = parseDocument(text, {
      keepSourceTokens: false,
      uniqueKeys: false,
      merge: true,
      prettyErrors: false,
    });
    const keys = new WeakMap<YAMLMap, Map<string, Pair>>();
    return (segments: readonly string[]) =>
      offsetOf({ root: doc.contents as Node | null, segments, doc, keys });
  };
  const toPosition = (offset: number): Position => {
    lineStarts ??= lineStartsOf(text);
    return offsetToLineColumn(lineStarts, offset);
  };
  const positionOf = (pointer: string): Position => {
    offsetFor ??= build();
    return toPosition(offsetFor(pointerToSegments(pointer)));
  };
  return {
    positionOf,
    positionsOf(pointers) {
      if (!isJson || pointers.length < 2) return pointers.map(positionOf);
      countParse();
      return jsonOffsetsOf({ text, pointers: pointers.map(pointerToSegments) }).map(toPosition);
    },
  };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function offsetToLineColumn(lineStarts: readonly number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
}

function offsetOf(options: {
  root: Node | null;
  segments: readonly string[];
  doc: ReturnType<typeof parseDocument>;
  keys: WeakMap<YAMLMap, Map<string, Pair>>;
}): number {
  const { segments, doc, keys } = options;
  let node = deref(options.root, doc);
  let offset = node?.range?.[0] ?? 0;
  for (const segment of segments) {
    const step = stepInto({ node, segment, keys });
    if (!step) break;
    offset = step.offset;
    node = deref(step.node, doc);
  }
  return offset;
}

function deref(node: Node | null | undefined, doc: ReturnType<typeof parseDocument>): Node | null {
  if (node && isAlias(node)) return (node.resolve(doc) as Node | undefined) ?? node;
  return node ?? null;
}

function stepInto(options: {
  node: Node | null;
  segment: string;
  keys: WeakMap<YAMLMap, Map<string, Pair>>;
}): { node: Node | null; offset: number } | undefined {
  const { node, segment, keys } = options;
  if (node && isMap(node)) {
    const pair = keysOf(node, keys).get(segment);
    if (!pair) return undefined;
    const key = pair.key as Node | null;
    const value = pair.value as Node | null;
    return { node: value, offset: key?.range?.[0] ?? value?.range?.[0] ?? 0 };
  }
  if (node && isSeq(node) && /^(0|[1-9]\d*)$/.test(segment)) {
    const item = node.items[Number(segment)] as Node | undefined;
    if (!item?.range) return undefined;
    return { node: item, offset: item.range[0] };
  }
  return undefined;
}

/** A mapping's pairs by key name, the first of duplicates winning, built once per mapping. */
function keysOf(node: YAMLMap, cache: WeakMap<YAMLMap, Map<string, Pair>>): Map<string, Pair> {
  let byName = cache.get(node);
  if (byName) return byName;
  byName = new Map();
  for (const pair of node.items) {
    const key = pair.key as Node | null;
    const name = key && isScalar(key) ? String(key.value) : undefined;
    if (name !== undefined && !byName.has(name)) byName.set(name, pair as Pair);
  }
  cache.set(node, byName);
  return byName;
}
