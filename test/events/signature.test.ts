import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { createWebhookSecret } from '../../src/runtime/events/secrets.js';
import { signWebhook, verifyWebhook } from '../../src/runtime/events/signature.js';

const payload = '{"type":"order.paid","id":"evt_1"}';
const now = Date.UTC(2026, 0, 1);
const timestamp = Math.floor(now / 1000);

function headersOf(id: string, ts: number, signature: string): Record<string, string> {
  return { 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': signature };
}

describe('Standard Webhooks signatures', () => {
  it('verifies what the standardwebhooks package signs', async () => {
    const secret = createWebhookSecret();
    const signature = new Webhook(secret).sign('msg_1', new Date(now), payload);
    const verdict = await verifyWebhook({
      secrets: secret,
      headers: headersOf('msg_1', timestamp, signature),
      payload,
      now,
    });
    expect(verdict).toEqual({ ok: true, id: 'msg_1', timestamp });
  });

  it('signs what the standardwebhooks package verifies', async () => {
    const secret = createWebhookSecret();
    const signature = await signWebhook({
      secrets: secret,
      id: 'msg_2',
      timestamp: Math.floor(Date.now() / 1000),
      payload,
    });
    const headers = headersOf('msg_2', Math.floor(Date.now() / 1000), signature);
    expect(new Webhook(secret).verify(payload, headers)).toEqual(JSON.parse(payload));
    expect(() => new Webhook(createWebhookSecret()).verify(payload, headers)).toThrow();
  });

  it('accepts the old and the new secret during a rotation, and refuses a removed one', async () => {
    const [oldSecret, newSecret] = [createWebhookSecret(), createWebhookSecret()];
    const signedWithOld = await signWebhook({ secrets: oldSecret, id: 'm', timestamp, payload });
    const signedWithBoth = await signWebhook({
      secrets: [newSecret, oldSecret],
      id: 'm',
      timestamp,
      payload,
    });
    expect(signedWithBoth.split(' ')).toHaveLength(2);
    const verify = (secrets: string[], signature: string) =>
      verifyWebhook({ secrets, headers: headersOf('m', timestamp, signature), payload, now });
    expect((await verify([newSecret, oldSecret], signedWithOld)).ok).toBe(true);
    expect((await verify([newSecret], signedWithBoth)).ok).toBe(true);
    expect(await verify([newSecret], signedWithOld)).toEqual({ ok: false, reason: 'signature-mismatch' });
  });

  it('refuses a timestamp outside the tolerance both ways, default five minutes', async () => {
    const secret = createWebhookSecret();
    const at = async (ts: number, toleranceMs?: number) => {
      const signature = await signWebhook({ secrets: secret, id: 'm', timestamp: ts, payload });
      return verifyWebhook({
        secrets: secret,
        headers: headersOf('m', ts, signature),
        payload,
        now,
        toleranceMs,
      });
    };
    expect((await at(timestamp - 299)).ok).toBe(true);
    expect(await at(timestamp - 301)).toEqual({ ok: false, reason: 'timestamp-too-old' });
    expect(await at(timestamp + 301)).toEqual({ ok: false, reason: 'timestamp-too-new' });
    expect((await at(timestamp - 301, 600_000)).ok).toBe(true);
  });

  it('refuses a changed body, a changed id, missing headers and garbage', async () => {
    const secret = createWebhookSecret();
    const signature = await signWebhook({ secrets: secret, id: 'm', timestamp, payload });
    const verify = (headers: Record<string, string>, body = payload) =>
      verifyWebhook({ secrets: secret, headers, payload: body, now });
    expect((await verify(headersOf('m', timestamp, signature))).ok).toBe(true);
    expect((await verify(headersOf('m', timestamp, signature), `${payload} `)).ok).toBe(false);
    expect((await verify(headersOf('other', timestamp, signature))).ok).toBe(false);
    expect(await verify({ 'webhook-id': 'm' })).toEqual({ ok: false, reason: 'headers-missing' });
    expect(await verify(headersOf('m', Number.NaN, signature))).toEqual({
      ok: false,
      reason: 'timestamp-invalid',
    });
    expect(await verify(headersOf('m', timestamp, 'v1,@@@ v2,abc'))).toEqual({
      ok: false,
      reason: 'signature-mismatch',
    });
    expect(await verifyWebhook({ secrets: [], headers: {}, payload, now })).toEqual({
      ok: false,
      reason: 'no-secret',
    });
  });

  it('verifies bytes as well as text, and accepts a secret without the whsec_ prefix', async () => {
    const secret = createWebhookSecret();
    const bare = secret.slice('whsec_'.length);
    const bytes = new TextEncoder().encode(payload);
    const signature = await signWebhook({ secrets: bare, id: 'm', timestamp, payload: bytes });
    const verdict = await verifyWebhook({
      secrets: secret,
      headers: new Headers(headersOf('m', timestamp, signature)),
      payload,
      now,
    });
    expect(verdict.ok).toBe(true);
  });
});
