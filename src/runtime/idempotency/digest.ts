/**
 * Hashing helpers on web-standard globals only (`crypto.subtle`, `TextEncoder`): Node 20+, Deno, Bun and
 * edge runtimes.
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

/** The SHA-256 of a text's UTF-8 bytes, as 64 lower-case hex digits. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
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
