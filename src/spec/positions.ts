/**
 * Pointer -> line:column, computed lazily and only for diagnostics. The first time one of a file's pointers
 * is located, YAML text is parsed into a `yaml` document (JSON text gets a much faster scanner); the caller
 * keeps the index per file.
 */
import { isAlias, isMap, isScalar, isSeq, type Node, parseDocument } from 'yaml';
import { pointerToSegments } from './json-pointer.js';
import { createJsonOffsetFinder } from './json-positions.js';
import { isJsonText } from './parse-spec-text.js';

export { codeFrame } from './code-frame.js';

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface PositionIndex {
  /** The position of `pointer`: a mapping entry's key, a sequence item, or the nearest existing ancestor. */
  positionOf(pointer: string): Position;
}

/** Counts the documents parsed for positions, so tests can assert that a clean load parses none. */
export const positionStats = { parses: 0 };

export function createPositionIndex(text: string): PositionIndex {
  let offsetFor: ((segments: readonly string[]) => number) | undefined;
  let lineStarts: number[] | undefined;
  const build = () => {
    positionStats.parses++;
    if (isJsonText(text)) return createJsonOffsetFinder(text);
    const doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false, merge: true });
    return (segments: readonly string[]) => offsetOf({ root: doc.contents as Node | null, segments, doc });
  };
  return {
    positionOf(pointer) {
      offsetFor ??= build();
      lineStarts ??= lineStartsOf(text);
      return offsetToLineColumn(lineStarts, offsetFor(pointerToSegments(pointer)));
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
}): number {
  const { segments, doc } = options;
  let node = deref(options.root, doc);
  let offset = node?.range?.[0] ?? 0;
  for (const segment of segments) {
    const step = stepInto(node, segment);
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

function stepInto(node: Node | null, segment: string): { node: Node | null; offset: number } | undefined {
  if (node && isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const name = key && isScalar(key) ? String(key.value) : undefined;
      if (name !== segment) continue;
      const value = pair.value as Node | null;
      return { node: value, offset: key?.range?.[0] ?? value?.range?.[0] ?? 0 };
    }
    return undefined;
  }
  if (node && isSeq(node) && /^(0|[1-9]\d*)$/.test(segment)) {
    const item = node.items[Number(segment)] as Node | undefined;
    if (!item?.range) return undefined;
    return { node: item, offset: item.range[0] };
  }
  return undefined;
}
