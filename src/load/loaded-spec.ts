/**
 * Builds the `LoadedSpec`: the bundled document plus `locate`, which maps a bundled pointer back to the
 * file and pointer it came from through the longest recorded origin prefix, with lazily computed positions.
 * `locateMany` groups its pointers by file, so each file is scanned (JSON) or parsed (YAML) once for all.
 * A root converted from Swagger 2.0 maps its pointers on to the original document's (`converted`).
 */

import type { JsonObject } from '../core/json.js';
import type { Origin } from './bundle-document.js';
import type { SourceDocument } from './source-document.js';
import type { PointerMap } from './swagger-2-pointers.js';
import type { LoadedSpec, SourceLocation } from './types.js';

export function createLoadedSpec(options: {
  root: SourceDocument;
  document: JsonObject;
  version: '3.0' | '3.1';
  origins: ReadonlyMap<string, Origin>;
  documents: Iterable<SourceDocument>;
  /** The root `doc` was converted from `original`; `map` takes its pointers to the original's. */
  converted?: { doc: SourceDocument; original: SourceDocument; map: PointerMap };
}): LoadedSpec {
  const { root, document, version, origins, converted } = options;
  const find = (pointer: string): Origin & { approximate?: boolean } => {
    const origin = originOf(origins, pointer) ?? { doc: root, pointer };
    if (!converted || origin.doc !== converted.doc) return origin;
    const mapped = converted.map(origin.pointer);
    return { doc: converted.original, pointer: mapped.pointer, approximate: mapped.approximate };
  };
  const files = [...new Set([...options.documents].filter((d) => d.kind === 'file').map((d) => d.id))];
  return {
    file: root.display,
    files,
    document,
    version,
    locate(pointer: string): SourceLocation {
      const { doc, pointer: inDoc, approximate } = find(pointer);
      const { line, column } = doc.positions().positionOf(inDoc);
      return { file: doc.display, pointer: inDoc, line, column, ...(approximate ? { approximate } : {}) };
    },
    locateMany(pointers: readonly string[]): SourceLocation[] {
      const byDoc = new Map<SourceDocument, { indices: number[]; pointers: string[] }>();
      const approximate = new Set<number>();
      for (const [index, pointer] of pointers.entries()) {
        const found = find(pointer);
        const group = byDoc.get(found.doc) ?? { indices: [], pointers: [] };
        byDoc.set(found.doc, group);
        group.indices.push(index);
        group.pointers.push(found.pointer);
        if (found.approximate) approximate.add(index);
      }
      const located = new Array<SourceLocation>(pointers.length);
      for (const [doc, group] of byDoc) {
        const positions = doc.positions().positionsOf(group.pointers);
        for (const [k, index] of group.indices.entries()) {
          const inDoc = group.pointers[k] as string;
          located[index] = { file: doc.display, pointer: inDoc, ...positions[k] };
          if (approximate.has(index)) located[index].approximate = true;
        }
      }
      return located;
    },
  };
}

function originOf(origins: ReadonlyMap<string, Origin>, pointer: string): Origin | undefined {
  for (let prefix = pointer; ; prefix = prefix.slice(0, prefix.lastIndexOf('/'))) {
    const origin = origins.get(prefix);
    if (origin) return { doc: origin.doc, pointer: origin.pointer + pointer.slice(prefix.length) };
    if (prefix === '' || !prefix.includes('/')) return undefined;
  }
}
