/**
 * Opaque, tamper-evident cursors for keyset pagination: the server signs the sort key of a page's last item
 * (any JSON value) with an expiry, hands the result out as the next cursor, and reads it back on the next
 * request. A cursor that was changed, signed with another secret, bound to another listing (`scope`) or is
 * past its expiry is refused, and the handler answers `400 cursor-invalid` (`cursorInvalidResult` in the
 * server runtime).
 *
 * Format: `v1.<payload>.<signature>`, both base64url; the payload is `{"p":position,"e":expiresAt,"s":scope}`
 * as JSON, the signature HMAC-SHA-256 (WebCrypto, `crypto.subtle`) over `v1.<payload>`. The payload is
 * signed, not encrypted: do not put secrets in a position.
 */
import type { Clock } from '../shared/clock.js';

export interface CursorCodecOptions {
  /** The HMAC key: at least 32 bytes (a string is taken as UTF-8). Keep it out of the code. */
  secret: string | Uint8Array;
  /** How long a cursor stays valid, in ms (default one hour). */
  ttlMs?: number | undefined;
  /** Default `Date.now`; tests pass a `FakeClock`. */
  clock?: Pick<Clock, 'now'> | undefined;
}

export type CursorRefusal = 'malformed' | 'forged' | 'expired';

export type CursorReading<T> =
  | { ok: true; position: T | undefined }
  | { ok: false; reason: CursorRefusal; detail: string };

export interface CursorCodec<T> {
  /** A cursor for `position` (the sort key of the last item handed out), valid for `ttlMs`. */
  sign(position: T, options?: { scope?: string | undefined }): Promise<string>;
  /**
   * Reads a cursor from a request: absent (`undefined` or `''`) is the first page (`position` undefined);
   * anything else must be a cursor this codec signed, for the same `scope`, not expired.
   */
  read(cursor: unknown, options?: { scope?: string | undefined }): Promise<CursorReading<T>>;
}

const PREFIX = 'v1';
const DEFAULT_TTL_MS = 60 * 60 * 1000;
const MIN_SECRET_BYTES = 32;

export function createCursorCodec<T = unknown>(options: CursorCodecOptions): CursorCodec<T> {
  const secret = typeof options.secret === 'string' ? utf8(options.secret) : Uint8Array.from(options.secret);
  if (secret.byteLength < MIN_SECRET_BYTES)
    throw new TypeError(`The cursor secret must be at least ${MIN_SECRET_BYTES} bytes long.`);
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const now = () => (options.clock ? options.clock.now() : Date.now());
  const key = crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
  return {
    async sign(position, signOptions) {
      const payload: { p: T; e: number; s?: string } = { p: position, e: now() + ttlMs };
      if (signOptions?.scope !== undefined) payload.s = signOptions.scope;
      const signed = `${PREFIX}.${toBase64Url(utf8(JSON.stringify(payload)))}`;
      const signature = await crypto.subtle.sign('HMAC', await key, utf8(signed));
      return `${signed}.${toBase64Url(new Uint8Array(signature))}`;
    },
    async read(cursor, readOptions) {
      if (cursor === undefined || cursor === '') return { ok: true, position: undefined };
      const refuse = (reason: CursorRefusal, detail: string): CursorReading<T> => ({
        ok: false,
        reason,
        detail,
      });
      if (typeof cursor !== 'string') return refuse('malformed', 'The cursor is not a string.');
      const parts = cursor.split('.');
      if (parts.length !== 3 || parts[0] !== PREFIX)
        return refuse('malformed', 'The cursor is not one this API issued.');
      const [, body, signature] = parts as [string, string, string];
      const signatureBytes = fromBase64Url(signature);
      const bodyBytes = fromBase64Url(body);
      if (!signatureBytes || !bodyBytes) return refuse('malformed', 'The cursor is not one this API issued.');
      const valid = await crypto.subtle.verify('HMAC', await key, signatureBytes, utf8(`${PREFIX}.${body}`));
      if (!valid) return refuse('forged', 'The cursor was altered or not issued by this API.');
      let payload: { p: T; e: number; s?: string };
      try {
        payload = JSON.parse(new TextDecoder().decode(bodyBytes));
      } catch {
        return refuse('malformed', 'The cursor is not one this API issued.');
      }
      if ((payload.s ?? undefined) !== (readOptions?.scope ?? undefined))
        return refuse('forged', 'The cursor belongs to another listing (its filters differ).');
      if (!(typeof payload.e === 'number' && payload.e > now()))
        return refuse('expired', 'The cursor has expired: start the listing again from the first page.');
      return { ok: true, position: payload.p };
    },
  };
}

function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}
