/**
 * The single-file fast path: every `$ref` is internal, so checking that each target exists is all the
 * resolving there is to do. Each distinct `$ref` string is resolved once.
 */
import type { Diagnostic } from '../core/diagnostics.js';
import { resolvePointer } from '../core/json-pointer.js';
import type { RefSite } from './collect-refs.js';
import { refToTarget } from './ref-target.js';
import { refUnresolved } from './ref-unresolved.js';
import type { SourceDocument } from './source-document.js';

export function checkInternalRefs(options: { doc: SourceDocument; sites: readonly RefSite[] }): Diagnostic[] {
  const { doc, sites } = options;
  const reasons = new Map<string, string | undefined>();
  const diagnostics: Diagnostic[] = [];
  for (const site of sites) {
    if (!reasons.has(site.ref)) reasons.set(site.ref, reasonUnresolved(doc, site.ref));
    const reason = reasons.get(site.ref);
    if (reason !== undefined) {
      diagnostics.push(refUnresolved({ doc, pointer: `${site.pointer}/$ref`, ref: site.ref, reason }));
    }
  }
  return diagnostics;
}

function reasonUnresolved(doc: SourceDocument, ref: string): string | undefined {
  const target = refToTarget({ ref, fromId: doc.id });
  if (target.error !== undefined) return target.error;
  if (resolvePointer(doc.value, target.pointer) === undefined)
    return `${doc.display} has nothing at #${target.pointer}`;
  return undefined;
}
