/**
 * Builds the `LoadedSpec`: the bundled document plus `locate`, which maps a bundled pointer back to the
 * file and pointer it came from through the longest recorded origin prefix, with lazily computed positions.
 */
import type { Origin } from './bundle-document.js';
import type { SourceDocument } from './source-document.js';
import type { JsonObject, LoadedSpec, SourceLocation } from './types.js';

export function createLoadedSpec(options: {
  root: SourceDocument;
  document: JsonObject;
  version: '3.0' | '3.1';
  origins: ReadonlyMap<string, Origin>;
  documents: Iterable<SourceDocument>;
}): LoadedSpec {
  const { root, document, version, origins } = options;
  const files = [...new Set([...options.documents].filter((d) => d.kind === 'file').map((d) => d.id))];
  return {
    file: root.display,
    files,
    document,
    version,
    locate(pointer: string): SourceLocation {
      const { doc, pointer: inDoc } = originOf(origins, pointer) ?? { doc: root, pointer };
      const { line, column } = doc.positions().positionOf(inDoc);
      return { file: doc.display, pointer: inDoc, line, column };
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
