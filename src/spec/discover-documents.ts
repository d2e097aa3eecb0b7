/**
 * Loads every document reachable through external `$ref`s from the root, breadth first, in parallel.
 */
import { isAbsolute, relative } from 'node:path';
import type { Diagnostic } from '../model/diagnostics.js';
import { collectRefs, isInternalRef } from './collect-refs.js';
import { parseSpecText } from './parse-spec-text.js';
import { isUrl, readSource } from './read-source.js';
import { refToTarget } from './ref-target.js';
import { createSourceDocument, type SourceDocument } from './source-document.js';

/** A document that could not be used: missing (reported at each `$ref`) or broken (reported once, here). */
export interface DocumentFailure {
  missing: boolean;
  message: string;
  diagnostics: Diagnostic[];
}

export type DocumentTable = Map<string, SourceDocument | DocumentFailure>;

export function isDocumentFailure(
  entry: SourceDocument | DocumentFailure | undefined,
): entry is DocumentFailure {
  return entry !== undefined && 'missing' in entry;
}

export async function discoverDocuments(options: {
  root: SourceDocument;
  cwd: string;
}): Promise<DocumentTable> {
  const { root, cwd } = options;
  const table: DocumentTable = new Map([[root.id, root]]);
  let level: SourceDocument[] = [root];
  while (level.length > 0) {
    const wanted = new Set<string>();
    for (const doc of level) {
      for (const site of collectRefs(doc.value, { cyclic: true })) {
        if (isInternalRef(site.ref)) continue;
        const target = refToTarget({ ref: site.ref, fromId: doc.id });
        if (target.error === undefined && !table.has(target.docId)) wanted.add(target.docId);
      }
    }
    const loaded = await Promise.all([...wanted].map((id) => loadDocument({ id, cwd })));
    level = [];
    for (const [i, id] of [...wanted].entries()) {
      const entry = loaded[i] as SourceDocument | DocumentFailure;
      table.set(id, entry);
      if (!isDocumentFailure(entry)) level.push(entry);
    }
  }
  return table;
}

async function loadDocument(options: { id: string; cwd: string }): Promise<SourceDocument | DocumentFailure> {
  const { id, cwd } = options;
  const display = displayName({ id, cwd });
  const read = await readSource({ id, display });
  if (read.diagnostic) return { missing: true, message: read.diagnostic.message, diagnostics: [] };
  const parsed = parseSpecText({ text: read.text, file: display });
  if (parsed.value === undefined) {
    return { missing: false, message: `${display} has syntax errors`, diagnostics: parsed.diagnostics };
  }
  return createSourceDocument({
    id,
    display,
    kind: isUrl(id) ? 'url' : 'file',
    text: read.text,
    value: parsed.value,
  });
}

/** A path relative to cwd when it is below it, else the absolute path; URLs as they are. */
export function displayName(options: { id: string; cwd: string }): string {
  if (isUrl(options.id)) return options.id;
  const rel = relative(options.cwd, options.id);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : options.id;
}
