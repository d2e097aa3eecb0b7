/**
 * ajv caches a compiled `$ref` target per root schema: every request schema (one per operation, its own
 * root) that refers to `#/components/schemas/User` compiles its own copy of User's validate function, and
 * the standalone code carries them all. ajv shares a target across roots only when it is in `ajv.refs`,
 * where `getSchema(<url>#<pointer>)` puts it. So, before a request schema compiles, the targets of its
 * `$ref`s into the document are compiled through `getSchema`: then every root, and the document's own
 * schemas, use one function per target (on Microsoft Graph's 11,371 operations, most of the size of
 * `validators.js`).
 */
import type { AnySchemaObject } from 'ajv';
import { resolveUrl } from 'ajv/dist/compile/resolve.js';
import type { JsonValue } from '../../core/json.js';
import { isLiteralKey } from '../../load/collect-refs.js';
import type { ValidatorAjv } from './create-validator-ajv.js';
import { DOCUMENT_ID } from './document-to-schema.js';

/** The `$ref`s into the document (and to shared schemas) that a schema holds (outside literal data such as `example`). */
function documentRefs(schema: JsonValue, out: Set<string>): Set<string> {
  const visit = (node: JsonValue, key: string | number | undefined, parentKey?: string | number): void => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => {
        if (child !== null && typeof child === 'object') visit(child, index, key);
      });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const ref = node.$ref;
    if (typeof ref === 'string' && (ref.startsWith(`${DOCUMENT_ID}#`) || ref.startsWith(SHARED_PREFIX)))
      out.add(ref);
    for (const [childKey, child] of Object.entries(node)) {
      if (child === null || typeof child !== 'object') continue;
      if (isLiteralKey(childKey, child, parentKey, key)) continue;
      visit(child, childKey, key);
    }
  };
  visit(schema, undefined);
  return out;
}

/** The prefix of the ids under which `createSchemaSharer` adds repeated schemas. */
export const SHARED_PREFIX = 'urn:idemgen:shared:';

/**
 * Compiles the schema added under `id`, after compiling (through `ajv.refs`, so that they are shared) the
 * targets of its `$ref`s into the document, and of the shared schemas it refers to. Returns what
 * `ajv.getSchema(id)` returns; throws what ajv throws for a schema it cannot compile (the caller reports it
 * for the schema's owner).
 */
export function compileSharingRefs(ajv: ValidatorAjv, id: string): unknown {
  const refs = new Set<string>();
  const roots = [id];
  const seen = new Set(roots);
  for (let root = roots.pop(); root !== undefined; root = roots.pop()) {
    const schema = ajv.schemas[root]?.schema as AnySchemaObject | boolean | undefined;
    if (typeof schema !== 'object') continue;
    for (const ref of documentRefs(schema as JsonValue, new Set())) {
      if (!ref.startsWith(SHARED_PREFIX)) refs.add(ref);
      else if (!seen.has(ref)) {
        seen.add(ref);
        roots.push(ref);
      }
    }
  }
  const { uriResolver } = ajv.opts;
  for (const ref of refs) {
    const key = resolveUrl(uriResolver, DOCUMENT_ID, ref);
    if (ajv.refs[key] === undefined) ajv.getSchema(key);
  }
  return ajv.getSchema(id);
}

/**
 * A function that returns a schema the second time it is given an equal one (same JSON) as a `$ref` to
 * one copy, added to `ajv` under `urn:idemgen:shared:<n>`, so that ajv compiles it once for all its users
 * (Microsoft Graph's `$select`, `$expand` and path parameters repeat over thousands of operations). The
 * first user keeps its own copy inline. Validation is the same: ajv passes a referenced function the
 * parent and the property name, so coercion still replaces the value in its parent, and errors keep
 * their instance paths.
 */
export function createSchemaSharer(ajv: ValidatorAjv): (schema: JsonValue) => JsonValue {
  const seen = new Map<string, string | null>();
  let count = 0;
  return (schema) => {
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
    const key = JSON.stringify(schema);
    const id = seen.get(key);
    if (id === undefined) {
      seen.set(key, null);
      return schema;
    }
    if (id !== null) return { $ref: id };
    const shared = `${SHARED_PREFIX}${count++}`;
    ajv.addSchema(schema, shared);
    seen.set(key, shared);
    return { $ref: shared };
  };
}
