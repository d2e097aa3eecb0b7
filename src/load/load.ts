/**
 * Loads a spec from a file, stdin or a URL: read (size-limited), parse (JSON fast path or YAML 1.2, aliases
 * bounded), check the nesting depth and the OpenAPI version, convert Swagger 2.0 to OpenAPI 3.0, bundle
 * external `$ref`s under the `$ref` policy, check every `$ref` resolves. A single-file spec takes no bundler,
 * and no position is computed unless a diagnostic needs one.
 */
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import type { JsonObject, JsonValue } from '../core/json.js';
import { bundleDocument, type Origin } from './bundle-document.js';
import { checkInternalRefs } from './check-internal-refs.js';
import { checkOpenapiVersion } from './check-openapi-version.js';
import { isInternalRef, scanDocument } from './collect-refs.js';
import { convertSwagger2, relocate, type Swagger2Conversion } from './convert-swagger-2.js';
import { discoverDocuments, isDocumentFailure } from './discover-documents.js';
import { isUrl } from './is-url.js';
import { createLoadedSpec } from './loaded-spec.js';
import { parseSpecText } from './parse-spec-text.js';
import { readSource } from './read-source.js';
import { createRefPolicy, isHostAllowed } from './ref-policy.js';
import { createSourceDocument, type SourceDocument, type SourceKind } from './source-document.js';
import { resolveSpecLimits, type SpecLimits } from './spec-limits.js';
import { tooDeep } from './too-deep.js';
import type { LoadResult } from './types.js';

export interface LoadSpecOptions {
  source: string;
  cwd?: string;
  stdin?: NodeJS.ReadableStream;
  /** The directory tree local `$ref`s must stay in (relative to `cwd`); default: the root spec's directory. */
  refRoot?: string;
  /** Hosts remote `$ref`s may reach (`*` for any, `*.example.com`); a remote root's own host always may. */
  allowRemoteRefs?: readonly string[];
  limits?: Partial<SpecLimits>;
}

export async function loadSpec(options: LoadSpecOptions): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  const limits = resolveSpecLimits(options.limits);
  const origin = sourceToOrigin({ source: options.source, cwd });
  const stdin = origin.kind === 'stdin' ? (options.stdin ?? process.stdin) : undefined;
  const policy = await createRefPolicy({
    rootId: origin.id,
    rootKind: origin.kind,
    cwd,
    refRoot: options.refRoot,
    allowRemoteRefs: options.allowRemoteRefs,
  });
  // A remote root may redirect only to its own host or an allowed one, as its $refs may.
  const read = await readSource({
    id: origin.id,
    display: origin.display,
    stdin,
    maxBytes: limits.maxBytes,
    allowHop: (url) => isHostAllowed(policy, url),
  });
  if (read.failure) {
    const { code, message, hint } = read.failure;
    return { diagnostics: [{ code, severity: 'error', message, pointer: '', file: origin.display, hint }] };
  }
  const parsed = parseSpecText({ text: read.text, file: origin.display, limits });
  if (parsed.value === undefined) return { diagnostics: parsed.diagnostics };
  const root = createSourceDocument({ ...origin, text: read.text, value: parsed.value });

  const scan = scanDocument(root.value, { maxDepth: limits.maxDepth });
  if (scan.tooDeep !== undefined) {
    return { diagnostics: [tooDeep({ doc: root, pointer: scan.tooDeep, maxDepth: limits.maxDepth })] };
  }
  const check = checkOpenapiVersion(root.value);
  if (check.diagnostic) {
    const { line, column } = root.positions().positionOf(check.diagnostic.pointer);
    return { diagnostics: [{ ...check.diagnostic, file: root.display, line, column }] };
  }

  let { sites } = scan;
  let start = root;
  let conversion: Swagger2Conversion | undefined;
  if (check.swagger2) {
    // Internal $refs are checked as written: the converter drops a parameter $ref it cannot resolve.
    const broken = checkInternalRefs({ doc: root, sites: sites.filter((site) => isInternalRef(site.ref)) });
    if (broken.length > 0) return { diagnostics: broken };
    conversion = await convertSwagger2(root);
    if (!conversion.doc) return { diagnostics: conversion.diagnostics };
    start = conversion.doc;
    const converted = scanDocument(start.value, { maxDepth: limits.maxDepth });
    if (converted.tooDeep !== undefined) {
      const deep = tooDeep({ doc: start, pointer: converted.tooDeep, maxDepth: limits.maxDepth });
      return { diagnostics: [relocate(deep, { original: root, map: conversion.map })] };
    }
    sites = converted.sites;
  }
  let document: JsonValue = start.value;
  let origins: ReadonlyMap<string, Origin> = new Map([['', { doc: start, pointer: '' }]]);
  let documents: SourceDocument[] = [start];
  let diagnostics: Diagnostic[];
  if (sites.every((site) => isInternalRef(site.ref))) {
    diagnostics = checkInternalRefs({ doc: start, sites });
  } else {
    const table = await discoverDocuments({ root: start, rootSites: sites, cwd, policy, limits });
    const bundled = bundleDocument({ root: start, table, policy, maxDepth: limits.maxDepth });
    ({ document, origins, diagnostics } = bundled);
    documents = [...table.values()].filter((entry): entry is SourceDocument => !isDocumentFailure(entry));
  }
  if (conversion) {
    const { map } = conversion;
    const relocated = diagnostics.map((d) => relocate(d, { original: root, map }));
    // A $ref refused by the conversion is not reported again by the bundler.
    const refused = new Set(
      conversion.diagnostics.filter((d) => d.severity === 'error').map((d) => d.pointer),
    );
    diagnostics = [
      ...conversion.diagnostics,
      ...relocated.filter((d) => d.file !== root.display || !refused.has(d.pointer)),
    ];
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const spec = createLoadedSpec({
    root: start,
    document: document as JsonObject,
    version: check.version,
    origins,
    documents,
    converted: conversion && { doc: start, original: root, map: conversion.map },
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
