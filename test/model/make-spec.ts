/** Test helper: a LoadedSpec from YAML text or a fixture, with `locate` giving the line of a pointer. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { JsonObject } from '../../src/core/json.js';
import type { LoadedSpec } from '../../src/load/types.js';

export const FIXTURES = join(import.meta.dirname, '../../fixtures');

function tokensOf(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The offset of the node at `pointer`: of its key when it is a map entry; the deepest found otherwise. */
function offsetOf(root: Node | null, pointer: string): number {
  let node: unknown = root;
  let offset = 0;
  for (const token of tokensOf(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === token);
      if (!pair) break;
      offset = isScalar(pair.key) && pair.key.range ? pair.key.range[0] : offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(token)];
      if (!item) break;
      node = item;
      offset = (item as Node).range?.[0] ?? offset;
    } else break;
  }
  return offset;
}

export function makeSpec(text: string, file = 'openapi.yaml'): LoadedSpec {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const document = doc.toJS() as JsonObject;
  const openapi = String(document.openapi ?? '3.1.0');
  return {
    file,
    files: [file],
    document,
    version: openapi.startsWith('3.0') ? '3.0' : '3.1',
    locate(pointer) {
      const { line, col } = lineCounter.linePos(offsetOf(doc.contents, pointer));
      return { file, pointer, line, column: col };
    },
  };
}

export function loadFixture(name: string): LoadedSpec {
  return makeSpec(
    readFileSync(join(FIXTURES, name, 'openapi.yaml'), 'utf8'),
    `fixtures/${name}/openapi.yaml`,
  );
}
