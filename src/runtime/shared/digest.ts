/**
 * Hashing helpers on web-standard globals (`crypto.subtle`, `TextEncoder`): Node 20+, Deno, Bun and edge
 * runtimes; `node:crypto` is used only when the runtime offers it through `process.getBuiltinModule`.
 */

/** One item of a list to hash; `undefined` (absent) is kept apart from every string, `''` included. */
export type DigestItem = string | undefined;

/**
 * Joins items unambiguously: each string as `<length>:<text>` (length in UTF-16 code units), an absent item
 * as `~`, the whole prefixed by its item count. No two different lists give the same text, and a joined list
 * can itself be an item of another.
 */
export function joinDigestItems(items: readonly DigestItem[]): string {
  let text = `${items.length}#`;
  for (const item of items) text += item === undefined ? '~' : `${item.length}:${item}`;
  return text;
}

interface SyncHash {
  update(text: string, encoding: 'utf8'): SyncHash;
  digest(encoding: 'hex'): string;
}
type CreateHash = (algorithm: 'sha256') => SyncHash;
type OneShotHash = (algorithm: 'sha256', text: string, encoding: 'hex') => string;

/**
 * A synchronous SHA-256 from `node:crypto` where the runtime exposes it through `process.getBuiltinModule`
 * (Node 20.16+, Bun, Deno): its one-shot `hash()` (Node 20.12+; ~3x faster than `createHash` for the short
 * texts hashed here), else `createHash`; else `undefined` and `crypto.subtle` is used. The same digest,
 * without a thread-pool round trip and a promise per hash (`crypto.subtle.digest` was ~15% of a request's
 * CPU in `npm run bench:server`, `createHash` ~8%).
 */
export const syncSha256Hex = ((): ((text: string) => string) | undefined => {
  const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const nodeCrypto = runtime?.getBuiltinModule?.('node:crypto') as
    | { createHash?: CreateHash; hash?: OneShotHash }
    | undefined;
  const { hash, createHash } = nodeCrypto ?? {};
  if (typeof hash === 'function') return (text) => hash('sha256', text, 'hex');
  if (typeof createHash === 'function')
    return (text) => createHash('sha256').update(text, 'utf8').digest('hex');
  return undefined;
})();
const textEncoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** The SHA-256 of a text's UTF-8 bytes, as 64 lower-case hex digits. */
export async function sha256Hex(text: string): Promise<string> {
  if (syncSha256Hex !== undefined) return syncSha256Hex(text);
  return subtleSha256Hex(text);
}

/** `sha256Hex` on `crypto.subtle` alone (the portable path; exported for tests). */
export async function subtleSha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', textEncoder.encode(text));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += HEX[byte];
  return hex;
}

/** Base64 of bytes without `Buffer` (portable). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
