import type { DigestItem } from './digest.js';
import { joinDigestItems, sha256Hex } from './digest.js';
import { readHeader } from './request-parts.js';
import type { IdempotencyRequest } from './types.js';

/**
 * The key under which a request is stored: SHA-256 (hex) over the scope's parts and the idempotency key,
 * each labelled and length-prefixed, so no two scopes or keys can run together.
 * - `principal`: the caller the server's resolver named; `undefined` is the anonymous scope, which no
 *   principal string (not even `"anonymous"` or `""`) can reach;
 * - `operation`: the upper-cased method and the path template;
 * - `header:<Name>`: the header's value (a tenant id), absent kept apart from empty.
 */
export async function requestToStoreKey(input: StoreKeyInput): Promise<string> {
  return sha256Hex(requestToStoreKeyText(input));
}

export interface StoreKeyInput {
  scope: readonly string[];
  key: string;
  principal: string | undefined;
  request: IdempotencyRequest;
}

/** The text whose SHA-256 is the store key (the engine hashes it synchronously where it can). */
export function requestToStoreKeyText(input: StoreKeyInput): string {
  const { scope, key, principal, request } = input;
  const parts = scope.map((part) => joinDigestItems([part, scopePartToText({ part, principal, request })]));
  return joinDigestItems(['idemgen-scope-v1', joinDigestItems(parts), key]);
}

function scopePartToText(input: {
  part: string;
  principal: string | undefined;
  request: IdempotencyRequest;
}): DigestItem {
  const { part, principal, request } = input;
  if (part === 'principal') return principal;
  if (part === 'operation') return joinDigestItems([request.method.toUpperCase(), request.pathTemplate]);
  if (part.startsWith('header:')) return readHeader(request.headers, part.slice('header:'.length));
  throw new TypeError(`unknown scope part: ${part}`);
}
