/**
 * Loads a spec from a file, stdin or a URL: parse (JSON fast path or YAML 1.2), check the OpenAPI version,
 * bundle external `$ref`s, check every `$ref` resolves. A single-file spec takes no bundler, and no position
 * is computed unless a diagnostic needs one.
 */
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../model/diagnostics.js';
import { bundleDocument, type Origin } from './bundle-document.js';
import { checkInternalRefs } from './check-internal-refs.js';
import { checkOpenapiVersion } from './check-openapi-version.js';
import { collectRefs, isInternalRef } from './collect-refs.js';
import { discoverDocuments, isDocumentFailure } from './discover-documents.js';
import { createLoadedSpec } from './loaded-spec.js';
import { isJsonText, parseSpecText } from './parse-spec-text.js';
import { isUrl, readSource } from './read-source.js';
import { createSourceDocument, type SourceDocument, type SourceKind } from './source-document.js';
import type { JsonObject, JsonValue, LoadResult } from './types.js';

export async function loadSpec(options: {
  source: string;
  cwd?: string;
  stdin?: NodeJS.ReadableStream;
}): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  const origin = sourceToOrigin({ source: options.source, cwd });
  const stdin = origin.kind === 'stdin' ? (options.stdin ?? process.stdin) : undefined;
  const read = await readSource({ id: origin.id, display: origin.display, stdin });
  if (read.diagnostic) return { diagnostics: [read.diagnostic] };
  const parsed = parseSpecText({ text: read.text, file: origin.display });
  if (parsed.value === undefined) return { diagnostics: parsed.diagnostics };
  const root = createSourceDocument({ ...origin, text: read.text, value: parsed.value });

  const check = checkOpenapiVersion(root.value);
  if (check.diagnostic) {
    const { line, column } = root.positions().positionOf(check.diagnostic.pointer);
    return { diagnostics: [{ ...check.diagnostic, file: root.display, line, column }] };
  }

  const sites = collectRefs(root.value, { cyclic: !isJsonText(read.text) });
  let document: JsonValue = root.value;
  let origins: ReadonlyMap<string, Origin> = new Map([['', { doc: root, pointer: '' }]]);
  let documents: SourceDocument[] = [root];
  let diagnostics: Diagnostic[];
  if (sites.every((site) => isInternalRef(site.ref))) {
    diagnostics = checkInternalRefs({ doc: root, sites });
  } else {
    const table = await discoverDocuments({ root, cwd });
    const bundled = bundleDocument({ root, table });
    ({ document, origins, diagnostics } = bundled);
    documents = [...table.values()].filter((entry): entry is SourceDocument => !isDocumentFailure(entry));
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const spec = createLoadedSpec({
    root,
    document: document as JsonObject,
    version: check.version,
    origins,
    documents,
  });
  return { spec, diagnostics };
}

function sourceToOrigin(options: { source: string; cwd: string }): {
  id: string;
  display: string;
  kind: SourceKind;
} {
  const { source, cwd } = options;
  if (source === '-') return { id: join(cwd, '<stdin>'), display: '<stdin>', kind: 'stdin' };
  if (isUrl(source)) return { id: source, display: source, kind: 'url' };
  return { id: resolve(cwd, source), display: source, kind: 'file' };
}
