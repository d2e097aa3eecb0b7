/**
 * Bundles external `$ref`s into one document, in the manner of json-schema-ref-parser's `bundle`: the first
 * `$ref` to an external target is replaced by the target's content; later `$ref`s to the same target (or into
 * it) become internal `$ref`s to that place. Internal `$ref`s of the root stay as written, so circular
 * schemas stay finite. Every place where content was inlined is recorded as an origin, so a pointer into the
 * bundle maps back to the file and pointer it came from.
 *
 * Hand-written over the `yaml` package rather than @redocly/openapi-core's `bundle`: Redocly parses with
 * js-yaml (YAML 1.1), needs a config, hoists content into generated component names and returns no map from
 * bundled pointers back to (file, pointer), which precise diagnostics need.
 */
import type { Diagnostic } from '../core/diagnostics.js';
import type { JsonObject, JsonValue } from '../core/json.js';
import { appendPointer, resolvePointer } from '../core/json-pointer.js';
import { isLiteralKey, scanDocument } from './collect-refs.js';
import { type DocumentTable, isDocumentFailure } from './discover-documents.js';
import { type RefPolicy, refusalFor } from './ref-policy.js';
import { refToTarget } from './ref-target.js';
import { refFailed, refUnresolved } from './ref-unresolved.js';
import type { SourceDocument } from './source-document.js';
import { tooDeep } from './too-deep.js';

export interface Origin {
  doc: SourceDocument;
  /** Pointer into `doc`'s own value. */
  pointer: string;
}

export interface BundleOutput {
  document: JsonValue;
  /** Bundled pointer prefix -> where that subtree came from. Always holds `''` -> the root. */
  origins: Map<string, Origin>;
  diagnostics: Diagnostic[];
}

export function bundleDocument(options: {
  root: SourceDocument;
  table: DocumentTable;
  policy: RefPolicy;
  /** Inlining adds depth: a node deeper than this in the bundle is `spec-too-deep`, and not copied further. */
  maxDepth: number;
}): BundleOutput {
  const { root, table, policy, maxDepth } = options;
  const origins = new Map<string, Origin>([['', { doc: root, pointer: '' }]]);
  const placed = new Map<string, Map<string, string>>([[root.id, new Map([['', '']])]]);
  const diagnostics: Diagnostic[] = [];
  const ancestors = new Set<object>();

  const findPlaced = (docId: string, pointer: string): string | undefined => {
    const byPointer = placed.get(docId);
    if (!byPointer) return undefined;
    for (let prefix = pointer; ; prefix = prefix.slice(0, prefix.lastIndexOf('/'))) {
      const at = byPointer.get(prefix);
      if (at !== undefined) return at + pointer.slice(prefix.length);
      if (prefix === '') return undefined;
    }
  };

  let deepest: Diagnostic | undefined;

  const copyRef = (
    doc: SourceDocument,
    node: JsonObject,
    docPtr: string,
    outPtr: string,
    depth: number,
  ): JsonValue => {
    const ref = node.$ref as string;
    const fail = (reason: string) => {
      diagnostics.push(refUnresolved({ doc, pointer: `${docPtr}/$ref`, ref, reason }));
      return node;
    };
    const target = refToTarget({ ref, fromId: doc.id });
    if (target.error !== undefined) return fail(target.error);
    const pointer = `${docPtr}/$ref`;
    const refusal =
      target.docId === doc.id
        ? undefined
        : refusalFor(policy, { fromKind: doc.kind, targetId: target.docId });
    if (refusal) {
      diagnostics.push(refFailed({ doc, pointer, ref, failure: refusal }));
      return node;
    }
    const entry = table.get(target.docId);
    if (entry === undefined) return fail('the document was not loaded');
    // A document with syntax errors is reported once, by its own diagnostics.
    if (isDocumentFailure(entry)) {
      if (!entry.missing) return node;
      if (entry.failure) diagnostics.push(refFailed({ doc, pointer, ref, failure: entry.failure }));
      else fail(entry.message);
      return node;
    }
    const value = resolvePointer(entry.value, target.pointer);
    if (value === undefined) return fail(`${entry.display} has nothing at #${target.pointer}`);
    const siblings = Object.keys(node).filter((k) => k !== '$ref');
    const placedAt = findPlaced(target.docId, target.pointer);
    if (placedAt !== undefined) {
      const rewritten = entry === root && ref.startsWith('#') ? ref : `#${encodeFragment(placedAt)}`;
      const out: JsonObject = { $ref: rewritten };
      for (const key of siblings)
        out[key] = copy(
          doc,
          node[key] as JsonValue,
          appendPointer(docPtr, key),
          appendPointer(outPtr, key),
          key,
          undefined,
          depth + 1,
        );
      return out;
    }
    const byPointer = placed.get(target.docId) ?? new Map<string, string>();
    placed.set(target.docId, byPointer.set(target.pointer, outPtr));
    origins.set(outPtr, { doc: entry, pointer: target.pointer });
    const inlined = copy(entry, value, target.pointer, outPtr, undefined, undefined, depth);
    if (siblings.length === 0 || inlined === null || typeof inlined !== 'object' || Array.isArray(inlined))
      return inlined;
    const merged: JsonObject = { ...inlined };
    for (const key of siblings) merged[key] = node[key] as JsonValue;
    return merged;
  };

  const copy = (
    doc: SourceDocument,
    node: JsonValue,
    docPtr: string,
    outPtr: string,
    key: string | number | undefined,
    parentKey: string | number | undefined,
    depth: number,
  ): JsonValue => {
    if (node === null || typeof node !== 'object' || ancestors.has(node)) return node;
    if (depth > maxDepth) {
      deepest ??= tooDeep({ doc, pointer: docPtr, maxDepth });
      return node;
    }
    ancestors.add(node);
    let out: JsonValue;
    if (Array.isArray(node)) {
      out = node.map((item, i) => copy(doc, item, `${docPtr}/${i}`, `${outPtr}/${i}`, i, key, depth + 1));
    } else if (typeof node.$ref === 'string') {
      out = copyRef(doc, node, docPtr, outPtr, depth);
    } else {
      const obj: JsonObject = {};
      for (const k of Object.keys(node)) {
        const child = node[k] as JsonValue;
        if (!isLiteralKey(k, child, parentKey, key)) {
          obj[k] = copy(doc, child, appendPointer(docPtr, k), appendPointer(outPtr, k), k, key, depth + 1);
          continue;
        }
        obj[k] = child;
        // Literal data is not copied, but inlined it is deeper than in its own file: measure it there.
        if (doc !== root && child !== null && typeof child === 'object' && deepest === undefined) {
          const { tooDeep: at } = scanDocument(child, { maxDepth: maxDepth - depth });
          if (at !== undefined) deepest = tooDeep({ doc, pointer: appendPointer(docPtr, k) + at, maxDepth });
        }
      }
      out = obj;
    }
    ancestors.delete(node);
    return out;
  };

  const document = copy(root, root.value, '', '', undefined, undefined, 1);
  if (deepest) diagnostics.push(deepest);
  for (const entry of table.values()) {
    if (isDocumentFailure(entry) && !entry.missing) diagnostics.push(...entry.diagnostics);
  }
  return { document, origins, diagnostics };
}

/** Percent-encodes only what a URI fragment cannot hold as is (`{` and `}` stay readable). */
function encodeFragment(pointer: string): string {
  return pointer.replace(/[%#\s"<>\\^`]/g, (c) => encodeURIComponent(c));
}
