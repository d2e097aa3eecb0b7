import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { STANDARD_WEBHOOKS_DELAYS_MS, scheduleFromRetryPolicy } from '../../src/runtime/events/schedule.js';
import { createWebhookSecret } from '../../src/runtime/events/secrets.js';
import { type DeliveryAttempt, sendWebhook } from '../../src/runtime/events/sender.js';
import { verifyWebhook } from '../../src/runtime/events/signature.js';
import { FakeClock } from '../../src/runtime/testing/fake-clock.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server | undefined;

/** A receiver on 127.0.0.1 that answers each delivery with the next status of `statuses`. */
async function receiver(statuses: number[], headers: Record<string, string> = {}) {
  const received: Received[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(statuses[received.length - 1] ?? 200, headers).end();
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, received };
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** Runs `promise` to its end, advancing the fake clock through every wait it makes. */
async function drive<T>(clock: FakeClock, promise: Promise<T>): Promise<T> {
  let done = false;
  const result = promise.finally(() => (done = true));
  while (!done) {
    if (!(await clock.advanceToNext())) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return result;
}

describe('sendWebhook', () => {
  it('delivers once, with one webhook-id, after failed attempts, on the Standard Webhooks schedule', async () => {
    const { url, received } = await receiver([503, 500, 200]);
    const clock = new FakeClock(Date.now());
    const secret = createWebhookSecret();
    const log: DeliveryAttempt[] = [];
    const result = await drive(
      clock,
      sendWebhook({
        endpoint: url,
        payload: { type: 'order.paid', orderId: 'o1' },
        id: 'evt_1',
        secrets: secret,
        clock,
        onAttempt: (attempt) => void log.push(attempt),
      }),
    );
    expect(result.outcome).toBe('delivered');
    expect(result.status).toBe(200);
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.headers['webhook-id']))).toEqual(new Set(['evt_1']));
    expect(clock.sleeps).toEqual(STANDARD_WEBHOOKS_DELAYS_MS.slice(0, 2));
    // Every attempt is signed afresh (a retry hours later is not stale); the first one as the
    // standardwebhooks package checks it against the real clock, each one by ours at its own time.
    const first = received[0] as Received;
    expect(new Webhook(secret).verify(first.body, first.headers as Record<string, string>)).toEqual({
      type: 'order.paid',
      orderId: 'o1',
    });
    const timestamps = received.map((r) => Number(r.headers['webhook-timestamp']));
    expect(timestamps[1]).toBeGreaterThanOrEqual((timestamps[0] ?? 0) + 5);
    for (const [index, r] of received.entries()) {
      const now = log[index]?.startedAt ?? 0;
      const headers = r.headers as Record<string, string>;
      expect(await verifyWebhook({ secrets: secret, headers, payload: r.body, now })).toMatchObject({
        ok: true,
      });
    }
    expect(log.map((a) => a.status)).toEqual([503, 500, 200]);
    expect(result.attempts).toEqual(log);
    expect(log[0]?.nextAttemptAt).toBe((log[0]?.startedAt ?? 0) + (log[0]?.durationMs ?? 0) + 5_000);
    expect(log[2]?.nextAttemptAt).toBeUndefined();
  }, 30_000);

  it("follows the contract's x-retry, gives up when it runs out, and stops at 410 Gone by default", async () => {
    const { url, received } = await receiver([500, 500, 500, 500]);
    const clock = new FakeClock(Date.now());
    const policy = {
      maxAttempts: 3,
      backoff: { initialMs: 1000, maxMs: 8000, multiplier: 2, jitter: 'none' as const },
      maxElapsedMs: 3_600_000,
      attemptTimeoutMs: 5000,
      retryOn: [500, 'network' as const],
      respectRetryAfter: true,
    };
    const failed = await drive(
      clock,
      sendWebhook({ endpoint: url, payload: 1, clock, schedule: scheduleFromRetryPolicy(policy) }),
    );
    expect(failed).toMatchObject({ outcome: 'failed', status: 500 });
    expect(failed.attempts).toHaveLength(3);
    expect(clock.sleeps).toEqual([1000, 2000]);
    expect(received.every((r) => r.headers['webhook-signature'] === undefined)).toBe(true);
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(1);
  }, 30_000);

  it('stops at 410 Gone and honours Retry-After when longer than the schedule', async () => {
    const gone = await receiver([410]);
    const result = await sendWebhook({ endpoint: gone.url, payload: 1 });
    expect(result).toMatchObject({ outcome: 'failed', status: 410 });
    expect(result.attempts).toHaveLength(1);
    await new Promise((resolve) => server?.close(resolve));
    const busy = await receiver([429, 200], { 'retry-after': '60' });
    const clock = new FakeClock(Date.now());
    const delivered = await drive(clock, sendWebhook({ endpoint: busy.url, payload: 1, clock }));
    expect(delivered.outcome).toBe('delivered');
    expect(clock.sleeps).toEqual([60_000]);
  }, 30_000);

  it('resumes a persisted log with the same id, and reports network failures', async () => {
    const { url, received } = await receiver([200]);
    const clock = new FakeClock(Date.now());
    const persisted = {
      id: 'evt_9',
      attempts: [
        {
          attempt: 1,
          startedAt: clock.now() - 1000,
          durationMs: 3,
          error: 'network' as const,
          nextAttemptAt: clock.now() + 4000,
        },
      ],
    };
    const result = await drive(clock, sendWebhook({ endpoint: url, payload: 1, clock, resume: persisted }));
    expect(result).toMatchObject({ outcome: 'delivered', id: 'evt_9' });
    expect(result.attempts.map((a) => a.attempt)).toEqual([1, 2]);
    expect(received[0]?.headers['webhook-id']).toBe('evt_9');
    expect(clock.sleeps).toEqual([4000]);
    const refused = await sendWebhook({
      endpoint: 'http://127.0.0.1:1/none',
      payload: 1,
      schedule: {
        ...scheduleFromRetryPolicy({
          maxAttempts: 1,
          backoff: { initialMs: 1, maxMs: 1, multiplier: 1, jitter: 'none' },
          maxElapsedMs: 1000,
          attemptTimeoutMs: 5000,
          retryOn: ['network'],
          respectRetryAfter: false,
        }),
      },
    });
    expect(refused).toMatchObject({ outcome: 'failed', attempts: [{ attempt: 1, error: 'network' }] });
  }, 30_000);
});

describe('sendEvent (what generated senders call)', () => {
  it('sends the key in its own header when the receiver reads another one, and refuses an unsigned signed send', async () => {
    const { sendEvent } = await import('../../src/runtime/events/send-event.js');
    const { url, received } = await receiver([200]);
    const spec = {
      operationId: 'paid',
      signed: false,
      key: { in: 'header' as const, name: 'Idempotency-Key' },
    };
    const result = await sendEvent(spec, url, { n: 1 });
    expect(result.outcome).toBe('delivered');
    expect(received[0]?.headers['idempotency-key']).toBe(result.id);
    expect(received[0]?.headers['webhook-id']).toBe(result.id);
    await expect(sendEvent({ ...spec, signed: true }, url, { n: 1 })).rejects.toThrow(/pass secrets/);
    expect(received).toHaveLength(1);
  }, 30_000);
});
