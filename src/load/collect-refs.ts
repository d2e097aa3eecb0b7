/**
 * One walk over a parsed document: every `$ref` string, and the first node deeper than `maxDepth`. Literal
 * data (`example`, `default`, `enum`, `const`, schema `examples` arrays and Example objects' `value`) is
 * walked for its depth only: a `$ref` key there is data, not a reference. The walk never goes deeper than
 * `maxDepth`, so a document of any depth ends in a diagnostic rather than a stack overflow.
 */

import type { JsonValue } from '../core/json.js';
import { segmentsToPointer } from '../core/json-pointer.js';
import { MAX_DEPTH_CAP } from './spec-limits.js';

export interface RefSite {
  /** Pointer of the object that holds the `$ref`. */
  pointer: string;
  ref: string;
}

export interface DocumentScan {
  sites: RefSite[];
  /** Pointer of the first node found deeper than `maxDepth` (the walk stops there). */
  tooDeep?: string;
}

const LITERAL_KEYS = new Set(['example', 'default', 'enum', 'const']);

/**
 * Keys whose values map names to schemas or OpenAPI objects: below one, `default` or `example` is a name
 * (a property called `default`, the `default` response), not literal data.
 */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'schemas',
  'responses',
  'parameters',
  'headers',
  'requestBodies',
  'content',
  'encoding',
  'callbacks',
  'links',
  'pathItems',
  'webhooks',
]);

/**
 * True when `key` holds literal data rather than OpenAPI or schema objects. `grandparentKey` is the key two
 * levels up (`examples` for an Example object's `value`); `parentKey`, the key of the object holding `key`:
 * below a map of names (`properties`, `responses`, ...) `key` is a name, unless that map's own key is a name
 * in a map too (a schema called `properties`, whose `default` is the keyword).
 */
export function isLiteralKey(
  key: string,
  value: JsonValue,
  grandparentKey: string | number | undefined,
  parentKey?: string | number,
): boolean {
  const isName =
    typeof parentKey === 'string' &&
    NAME_MAPS.has(parentKey) &&
    !(typeof grandparentKey === 'string' && NAME_MAPS.has(grandparentKey));
  if (isName) return false;
  if (LITERAL_KEYS.has(key)) return true;
  if (key === 'examples' && Array.isArray(value)) return true;
  return key === 'value' && grandparentKey === 'examples';
}

/**
 * The `$ref`s of a document and, with `maxDepth`, the first node too deep (the root is depth 1). Recursive
 * (a third of the time of an explicit stack on GitHub's 13 MB spec), and depth-guarded: it never goes deeper
 * than `maxDepth`, which the config caps far below what the stack holds.
 */
export function scanDocument(root: JsonValue, options: { maxDepth?: number } = {}): DocumentScan {
  const maxDepth = options.maxDepth ?? MAX_DEPTH_CAP;
  const sites: RefSite[] = [];
  const path: (string | number)[] = [];
  let tooDeep: string | undefined;
  const fail = (): false => {
    tooDeep = segmentsToPointer(path);
    return false;
  };
  /** False once too deep (then `path` stays at the node). Literal data is walked for its depth only. */
  const visit = (node: JsonValue, depth: number, literal: boolean): boolean => {
    if (depth > maxDepth) return fail();
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child = node[i] as JsonValue;
        if (child === null || typeof child !== 'object') continue;
        path.push(i);
        if (!visit(child, depth + 1, literal)) return false;
        path.pop();
      }
      return true;
    }
    const object = node as Record<string, JsonValue>;
    const ref = object.$ref;
    if (!literal && typeof ref === 'string') sites.push({ pointer: segmentsToPointer(path), ref });
    for (const key in object) {
      const child = object[key] as JsonValue;
      if (child === null || typeof child !== 'object') continue;
      const childLiteral = literal || isLiteralKey(key, child, path[path.length - 2], path[path.length - 1]);
      path.push(key);
      if (!visit(child, depth + 1, childLiteral)) return false;
      path.pop();
    }
    return true;
  };
  if (root !== null && typeof root === 'object') visit(root, 1, false);
  return tooDeep === undefined ? { sites } : { sites, tooDeep };
}

/** Every `$ref` string in a document (see `scanDocument`). */
export function collectRefs(root: JsonValue): RefSite[] {
  return scanDocument(root).sites;
}

/** True for a `$ref` into the same document (`#...`). */
export function isInternalRef(ref: string): boolean {
  return ref.startsWith('#');
}
