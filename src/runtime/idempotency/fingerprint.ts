import { valueToCanonicalJson } from './canonical-json.js';
import type { DigestItem } from './digest.js';
import { bytesToBase64, joinDigestItems, sha256Hex } from './digest.js';
import { queryToSortedPairs, readHeader } from './request-parts.js';
import type { IdempotencyRequest } from './types.js';

/**
 * The request's fingerprint: SHA-256 (hex) over the parts the contract names, each labelled and joined
 * unambiguously, in the contract's order:
 * - `method`: upper-cased;
 * - `path`: the template and the path parameters sorted by name;
 * - `query`: every pair, sorted by name (the values of one name keep their order);
 * - `body`: the parsed JSON in canonical form (member order and white space do not count), else the raw
 *   body as sent, else absent;
 * - `header:<Name>`: the header's value (repeats joined with `, `), absent kept apart from empty.
 */
export async function requestToFingerprint(input: FingerprintInput): Promise<string> {
  return sha256Hex(requestToFingerprintText(input));
}

export interface FingerprintInput {
  parts: readonly string[];
  request: IdempotencyRequest;
}

/** The text whose SHA-256 is the fingerprint (the engine hashes it synchronously where it can). */
export function requestToFingerprintText(input: FingerprintInput): string {
  const items: DigestItem[] = ['idemgen-fingerprint-v1'];
  for (const part of input.parts) items.push(joinDigestItems([part, partToText(part, input.request)]));
  return joinDigestItems(items);
}

function partToText(part: string, request: IdempotencyRequest): DigestItem {
  switch (part) {
    case 'method':
      return request.method.toUpperCase();
    case 'path': {
      const params = Object.entries(request.pathParams ?? {})
        .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, value]) => joinDigestItems([name, String(value)]));
      return joinDigestItems([request.pathTemplate, ...params]);
    }
    case 'query':
      return joinDigestItems(queryToSortedPairs(request.query).map((pair) => joinDigestItems(pair)));
    case 'body':
      return bodyToText(request);
    default:
      if (part.startsWith('header:')) return readHeader(request.headers, part.slice('header:'.length));
      throw new TypeError(`unknown fingerprint part: ${part}`);
  }
}

function bodyToText(request: IdempotencyRequest): DigestItem {
  if (request.body !== undefined) return `json:${valueToCanonicalJson(request.body)}`;
  if (typeof request.rawBody === 'string') return `text:${request.rawBody}`;
  if (request.rawBody !== undefined) return `base64:${bytesToBase64(request.rawBody)}`;
  return undefined;
}
