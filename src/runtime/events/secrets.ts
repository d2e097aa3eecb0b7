/**
 * Standard Webhooks secrets: `whsec_` followed by the base64 of the key bytes (the prefix is optional, as
 * the `standardwebhooks` package accepts it). Keys are imported once per secret text for HMAC-SHA256 with
 * WebCrypto (`crypto.subtle`), so the runtime needs no package and no Node built-in.
 */

const SECRET_PREFIX = 'whsec_';
const keys = new Map<string, Promise<CryptoKey>>();

/** The key bytes of a secret, or `undefined` when it is not base64 (after the optional prefix). */
export function secretToBytes(secret: string): Uint8Array<ArrayBuffer> | undefined {
  const text = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  if (text.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
    return bytes;
  } catch {
    return undefined;
  }
}

/** The HMAC-SHA256 key of a secret (sign and verify), imported once; rejects on a secret that is not base64. */
export function secretToKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (key === undefined) {
    const bytes = secretToBytes(secret);
    if (bytes === undefined)
      return Promise.reject(new TypeError('a webhook secret must be base64 (whsec_...)'));
    key = crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    // Bounded: secrets are configuration, but a caller passing fresh ones must not grow this without end.
    if (keys.size >= 64) keys.clear();
    keys.set(secret, key);
  }
  return key;
}

/** A fresh random secret in the `whsec_` form (24 random bytes), for tests and new subscriptions. */
export function createWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return `${SECRET_PREFIX}${btoa(String.fromCharCode(...bytes))}`;
}
