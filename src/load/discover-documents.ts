/**
 * Loads every document reachable through external `$ref`s from the root, breadth first, in parallel, under
 * the `$ref` policy (targets it refuses are never touched) and the spec limits (size while reading, YAML
 * aliases, depth).
 */
import { isAbsolute, relative } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { isInternalRef, type RefSite, scanDocument } from './collect-refs.js';
import { isUrl } from './is-url.js';
import { parseSpecText } from './parse-spec-text.js';
import { readSource } from './read-source.js';
import { isHostAllowed, type RefPolicy, refusalFor } from './ref-policy.js';
import type { ReadFailure } from './ref-refusal.js';
import { refToTarget } from './ref-target.js';
import { createSourceDocument, type SourceDocument } from './source-document.js';
import type { SpecLimits } from './spec-limits.js';
import { tooDeep } from './too-deep.js';

/**
 * A document that could not be used: not read (`failure`, reported at each `$ref` to it) or broken
 * (reported once, here, by `diagnostics`).
 */
export interface DocumentFailure {
  missing: boolean;
  message: string;
  /** Why it was not read, when `missing`. */
  failure?: ReadFailure;
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
  /** The root's `$ref` sites, already collected. */
  rootSites: readonly RefSite[];
  cwd: string;
  policy: RefPolicy;
  limits: SpecLimits;
}): Promise<DocumentTable> {
  const { root, cwd, policy, limits } = options;
  const table: DocumentTable = new Map([[root.id, root]]);
  let level: { doc: SourceDocument; sites: readonly RefSite[] }[] = [{ doc: root, sites: options.rootSites }];
  while (level.length > 0) {
    const wanted = new Set<string>();
    for (const { doc, sites } of level) {
      for (const site of sites) {
        if (isInternalRef(site.ref)) continue;
        const target = refToTarget({ ref: site.ref, fromId: doc.id });
        if (target.error !== undefined || table.has(target.docId)) continue;
        if (refusalFor(policy, { fromKind: doc.kind, targetId: target.docId }) === undefined)
          wanted.add(target.docId);
      }
    }
    const loaded = await Promise.all([...wanted].map((id) => loadDocument({ id, cwd, policy, limits })));
    level = [];
    for (const [i, id] of [...wanted].entries()) {
      const entry = loaded[i] as { doc: SourceDocument; sites: RefSite[] } | DocumentFailure;
      table.set(id, 'missing' in entry ? entry : entry.doc);
      if (!('missing' in entry)) level.push(entry);
    }
  }
  return table;
}

async function loadDocument(options: {
  id: string;
  cwd: string;
  policy: RefPolicy;
  limits: SpecLimits;
}): Promise<{ doc: SourceDocument; sites: RefSite[] } | DocumentFailure> {
  const { id, cwd, policy, limits } = options;
  const display = displayName({ id, cwd });
  const read = await readSource({
    id,
    display,
    maxBytes: limits.maxBytes,
    root: policy.root?.real,
    allowHop: (url) => isHostAllowed(policy, url),
  });
  if (read.failure)
    return { missing: true, message: read.failure.message, failure: read.failure, diagnostics: [] };
  const parsed = parseSpecText({ text: read.text, file: display, limits });
  if (parsed.value === undefined) {
    return { missing: false, message: `${display} has syntax errors`, diagnostics: parsed.diagnostics };
  }
  const doc = createSourceDocument({
    id,
    display,
    kind: isUrl(id) ? 'url' : 'file',
    text: read.text,
    value: parsed.value,
  });
  const scan = scanDocument(doc.value, { maxDepth: limits.maxDepth });
  if (scan.tooDeep !== undefined) {
    const diagnostic = tooDeep({ doc, pointer: scan.tooDeep, maxDepth: limits.maxDepth });
    return { missing: false, message: `${display} nests too deeply`, diagnostics: [diagnostic] };
  }
  return { doc, sites: scan.sites };
}

/** A path relative to cwd when it is below it, else the absolute path; URLs as they are. */
export function displayName(options: { id: string; cwd: string }): string {
  if (isUrl(options.id)) return options.id;
  const rel = relative(options.cwd, options.id);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : options.id;
}
