/**
 * Swagger 2.0 input: converted to OpenAPI 3.0 by swagger2openapi before `$ref` bundling. The converter never
 * resolves a `$ref` itself (`resolve: false`, and a `fetch` that refuses), so external `$ref`s are left as
 * written and our `$ref` policy governs them like any other. What it reports becomes diagnostics: one
 * `swagger-2-converted` info, a `swagger-2-conversion-warning` per thing it could not carry over, and a
 * located `swagger-2-conversion-failed` error when it gives up. The converted document keeps the original
 * text, and its positions go through `swagger2PointerMap` to the lines the user wrote.
 */
import s2o from 'swagger2openapi';
import type { Diagnostic } from '../core/diagnostics.js';
import type { JsonObject, JsonValue } from '../core/json.js';
import { appendPointer, resolvePointer } from '../core/json-pointer.js';
import { isInternalRef, scanDocument } from './collect-refs.js';
import type { PositionIndex } from './positions.js';
import type { SourceDocument } from './source-document.js';
import { APPROXIMATE_NOTE, type PointerMap, swagger2PointerMap } from './swagger-2-pointers.js';

export interface Swagger2Conversion {
  /** The converted document: the original's id, name and text, the converted value. */
  doc?: SourceDocument;
  /** Converted pointer -> original pointer. */
  map: PointerMap;
  diagnostics: Diagnostic[];
}

export async function convertSwagger2(root: SourceDocument): Promise<Swagger2Conversion> {
  const map = swagger2PointerMap(root.value);
  const at = (pointer: string) => ({ pointer, file: root.display, ...root.positions().positionOf(pointer) });
  let converted: JsonObject;
  try {
    converted = await quietly(() => runConverter(root));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const diagnostic: Diagnostic = {
      code: 'swagger-2-conversion-failed',
      severity: 'error',
      message: `converting this Swagger 2.0 document to OpenAPI 3.0 failed: ${reason}`,
      ...at('/swagger'),
      hint: 'Fix what the message names, or convert the document yourself (`npx swagger2openapi in.yaml -o openapi.yaml`) and check the result.',
    };
    return { map, diagnostics: [diagnostic] };
  }
  const doc: SourceDocument = { ...root, value: converted, positions: () => mappedIndex(root, map) };
  const diagnostics: Diagnostic[] = [
    {
      code: 'swagger-2-converted',
      severity: 'info',
      message:
        'converted from Swagger 2.0 to OpenAPI 3.0 (by swagger2openapi) before reading; positions of parts the conversion moved are approximate',
      ...at('/swagger'),
      hint: 'Nothing to do; to check the result, convert it yourself with `npx swagger2openapi` and compare.',
    },
  ];
  for (const warning of takeWarnings(converted)) {
    diagnostics.push(
      relocate(
        {
          code: 'swagger-2-conversion-warning',
          severity: 'warning',
          message: `the Swagger 2.0 conversion could not carry this over exactly: ${warning.message}`,
          pointer: warning.pointer,
          file: root.display,
          hint: 'Rewrite this part so that it has an OpenAPI 3.0 equivalent.',
        },
        { original: root, map },
      ),
    );
  }
  for (const site of scanDocument(converted).sites) {
    if (isInternalRef(site.ref) || inSchema(site.pointer)) continue;
    // The converter rewrites `#/parameters/X` in external $refs too: name the $ref as written.
    const written = resolvePointer(root.value, map(`${site.pointer}/$ref`).pointer);
    const ref = typeof written === 'string' ? written : site.ref;
    diagnostics.push(
      relocate(
        {
          code: 'swagger-2-external-ref',
          severity: 'error',
          message: `$ref "${ref}" points at another file from a parameter, response or path item; idemgen converts only the root Swagger 2.0 document, so that file's content would stay Swagger 2.0`,
          pointer: `${site.pointer}/$ref`,
          file: root.display,
          hint: 'Move the referenced parameter, response or path item into this document (external $refs to schemas are fine), or convert both files to OpenAPI 3 first.',
        },
        { original: root, map },
      ),
    );
  }
  return { doc, map, diagnostics };
}

/** A diagnostic at a pointer into the converted document, moved to the original's pointer and position. */
export function relocate(d: Diagnostic, options: { original: SourceDocument; map: PointerMap }): Diagnostic {
  const { original, map } = options;
  if (d.file !== original.display) return d;
  const mapped = map(d.pointer);
  const { line, column } = original.positions().positionOf(mapped.pointer);
  let message = mapped.approximate ? `${d.message} ${APPROXIMATE_NOTE}` : d.message;
  const written = d.pointer.endsWith('/$ref') ? resolvePointer(original.value, mapped.pointer) : undefined;
  if (typeof written === 'string' && !message.includes(`"${written}"`))
    message += ` (The document has "${written}" here; the conversion rewrote it.)`;
  return { ...d, message, pointer: mapped.pointer, line, column };
}

async function runConverter(root: SourceDocument): Promise<JsonObject> {
  const options = await s2o.convertObj(structuredClone(root.value) as never, {
    patch: true,
    warnOnly: true,
    resolve: false,
    resolveInternal: false,
    anchors: true,
    refSiblings: 'preserve',
    text: root.text,
    fetch: (() => Promise.reject(new Error('idemgen does not let the converter fetch'))) as never,
  });
  return options.openapi as unknown as JsonObject;
}

/**
 * swagger2openapi prints the error it rejects with (`console.warn(ex)`, stack and all) before rejecting;
 * the error becomes a diagnostic, so that print is dropped. Other output passes through.
 */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!(args.length === 1 && args[0] instanceof Error)) warn(...args);
  };
  try {
    return await run();
  } finally {
    console.warn = warn;
  }
}

/** The converter's `x-s2o-warning` notes (from `warnOnly`), removed from the document. */
function takeWarnings(document: JsonObject): { pointer: string; message: string }[] {
  const found: { pointer: string; message: string }[] = [];
  const walk = (node: JsonValue, pointer: string) => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) walk(item, `${pointer}/${i}`);
      return;
    }
    if ('x-s2o-warning' in node) {
      found.push({ pointer, message: String(node['x-s2o-warning']) });
      delete node['x-s2o-warning'];
    }
    for (const [key, child] of Object.entries(node)) walk(child, appendPointer(pointer, key));
  };
  walk(document, '');
  return found;
}

/** True for a `$ref` site inside a schema, where Swagger 2.0 and OpenAPI 3.0 content agree. */
function inSchema(pointer: string): boolean {
  return /\/(schema|schemas|properties|items|allOf|additionalProperties)(\/|$)/.test(pointer);
}

function mappedIndex(original: SourceDocument, map: PointerMap): PositionIndex {
  return {
    positionOf: (pointer) => original.positions().positionOf(map(pointer).pointer),
    positionsOf: (pointers) => original.positions().positionsOf(pointers.map((p) => map(p).pointer)),
  };
}
