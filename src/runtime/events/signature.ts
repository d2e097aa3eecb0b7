/**
 * The Standard Webhooks signature scheme: the signed content is `<webhook-id>.<webhook-timestamp>.<body>`,
 * the signature HMAC-SHA256 under the secret's key, sent as `webhook-signature: v1,<base64>` (several
 * space-separated signatures when a sender signs with several secrets during a rotation).
 *
 * @see https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
 */
import { secretToKey } from './secrets.js';

export const WEBHOOK_ID_HEADER = 'webhook-id';
export const WEBHOOK_TIMESTAMP_HEADER = 'webhook-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'webhook-signature';
/** The default tolerance between a delivery's timestamp and the receiver's clock: five minutes. */
export const DEFAULT_SIGNATURE_TOLERANCE_MS = 5 * 60_000;

const encoder = new TextEncoder();

function signedContent(id: string, timestamp: number, payload: string | Uint8Array): Uint8Array<ArrayBuffer> {
  const head = encoder.encode(`${id}.${timestamp}.`);
  const body = typeof payload === 'string' ? encoder.encode(payload) : payload;
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

function base64(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)));
}

/**
 * The `webhook-signature` value for one delivery: `v1,<base64>` per secret, space-separated.
 * `timestamp` is in seconds since the epoch (the `webhook-timestamp` header).
 */
export async function signWebhook(input: {
  secrets: string | readonly string[];
  id: string;
  timestamp: number;
  payload: string | Uint8Array;
}): Promise<string> {
  const secrets = typeof input.secrets === 'string' ? [input.secrets] : input.secrets;
  const content = signedContent(input.id, input.timestamp, input.payload);
  const parts: string[] = [];
  for (const secret of secrets) {
    const key = await secretToKey(secret);
    parts.push(`v1,${base64(await crypto.subtle.sign('HMAC', key, content))}`);
  }
  return parts.join(' ');
}

/** Why a delivery was refused; none of them reaches the handler or the dedup store. */
export type SignatureFailureReason =
  | 'headers-missing'
  | 'timestamp-invalid'
  | 'timestamp-too-old'
  | 'timestamp-too-new'
  | 'signature-mismatch'
  | 'no-secret';

export type SignatureVerdict =
  | { ok: true; id: string; timestamp: number }
  | { ok: false; reason: SignatureFailureReason };

type HeaderSource = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, string | readonly string[] | undefined>)[name];
  return typeof value === 'string' ? value : undefined;
}

function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * Verifies one delivery against every secret (rotation: the new and the old one both pass) and every `v1`
 * signature it carries. The timestamp must be within `toleranceMs` of `now` (both ways), so a captured
 * delivery cannot be replayed later. Comparison is `crypto.subtle.verify`'s, which is constant-time.
 * Header names are lower case (`Headers` or Node's `IncomingHttpHeaders`).
 */
export async function verifyWebhook(input: {
  secrets: string | readonly string[];
  headers: HeaderSource;
  payload: string | Uint8Array;
  /** Milliseconds since the epoch: the server's clock. */
  now: number;
  toleranceMs?: number;
}): Promise<SignatureVerdict> {
  const secrets = typeof input.secrets === 'string' ? [input.secrets] : input.secrets;
  if (secrets.length === 0) return { ok: false, reason: 'no-secret' };
  const id = header(input.headers, WEBHOOK_ID_HEADER);
  const timestampText = header(input.headers, WEBHOOK_TIMESTAMP_HEADER);
  const signatures = header(input.headers, WEBHOOK_SIGNATURE_HEADER);
  if (!id || !timestampText || !signatures) return { ok: false, reason: 'headers-missing' };
  if (!/^\d{1,15}$/.test(timestampText.trim())) return { ok: false, reason: 'timestamp-invalid' };
  const timestamp = Number(timestampText.trim());
  const tolerance = input.toleranceMs ?? DEFAULT_SIGNATURE_TOLERANCE_MS;
  if (timestamp * 1000 < input.now - tolerance) return { ok: false, reason: 'timestamp-too-old' };
  if (timestamp * 1000 > input.now + tolerance) return { ok: false, reason: 'timestamp-too-new' };
  const candidates = signatures
    .split(' ')
    .filter((part) => part.startsWith('v1,'))
    .map((part) => base64ToBytes(part.slice(3)))
    .filter((bytes): bytes is Uint8Array<ArrayBuffer> => bytes !== undefined);
  const content = signedContent(id, timestamp, input.payload);
  for (const secret of secrets) {
    let key: CryptoKey;
    try {
      key = await secretToKey(secret);
    } catch {
      continue;
    }
    for (const candidate of candidates) {
      if (await crypto.subtle.verify('HMAC', key, candidate, content)) return { ok: true, id, timestamp };
    }
  }
  return { ok: false, reason: 'signature-mismatch' };
}
