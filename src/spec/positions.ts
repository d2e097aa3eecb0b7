/**
 * Pointer -> line:column, computed lazily and only for diagnostics. A file's text is parsed into a YAML
 * document (JSON is YAML) the first time one of its pointers is located, then cached by the caller.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { pointerToSegments } from './json-pointer.js';

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
  let built:
    | { root: Node | null; lineCounter: LineCounter; doc: ReturnType<typeof parseDocument> }
    | undefined;
  const build = () => {
    if (built) return built;
    positionStats.parses++;
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, keepSourceTokens: false, uniqueKeys: false, merge: true });
    built = { root: doc.contents as Node | null, lineCounter, doc };
    return built;
  };
  return {
    positionOf(pointer) {
      const { root, lineCounter, doc } = build();
      const offset = offsetOf({ root, segments: pointerToSegments(pointer), doc });
      const pos = lineCounter.linePos(offset);
      return { line: pos.line, column: pos.col };
    },
  };
}

function offsetOf(options: {
  root: Node | null;
  segments: string[];
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
