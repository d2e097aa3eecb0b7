/**
 * The JSON text of the document openapi-typescript types into `schema.ts`: the document as given, or a copy
 * rewritten where openapi-typescript would otherwise emit types that do not compile or are not the ones
 * meant (`hoist-nested-refs.ts`, `null-type-one-of.ts`). Each rewrite is first ruled out by a cheap test on
 * the JSON text, which has to be written anyway; only a document that may need it is walked.
 */
import type { JsonObject } from '../core/json.js';
import { hoistNestedRefs, mayHaveNestedRefs } from './hoist-nested-refs.js';
import { mayHaveNullTypeOneOf, nullTypeOneOfToUnion } from './null-type-one-of.js';

export function toTypesDocumentJson(document: JsonObject): string {
  const json = JSON.stringify(document);
  let out = document;
  if (mayHaveNestedRefs(json)) out = hoistNestedRefs(out);
  if (mayHaveNullTypeOneOf(json)) out = nullTypeOneOfToUnion(out);
  return out === document ? json : JSON.stringify(out);
}
