import { sha256Hex, syncSha256Hex } from '../shared/digest.js';

/** How many hex digits of the SHA-256 are kept: enough to tell keys apart in traces, short to store. */
const DIGITS = 16;

/**
 * The `idempotency.key.hash` attribute: the first 16 hex digits of the SHA-256 of the key as sent (client
 * and server compute the same value, so one search finds both sides). Never the key itself. Synchronous
 * where the runtime has a synchronous SHA-256 (Node, Bun, Deno), else a promise.
 */
export function keyDigest(key: string): string | Promise<string> {
  if (syncSha256Hex !== undefined) return syncSha256Hex(key).slice(0, DIGITS);
  return sha256Hex(key).then((hex) => hex.slice(0, DIGITS));
}
