/**
 * Webhook and callback receivers of the generated server (fixtures/events/openapi.yaml), over real sockets,
 * on every store: redeliveries in sequence and at once run the handler once; bad signatures, stale
 * timestamps and rotated secrets; the generated sender delivers once, with one webhook-id, through failures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventHooks } from '../../src/runtime/events/hooks.js';
import { createWebhookSecret } from '../../src/runtime/events/secrets.js';
import { signWebhook } from '../../src/runtime/events/signature.js';
import type { IdempotencyStore } from '../../src/runtime/idempotency/store.js';
import type { HandlerResult } from '../../src/runtime/server/types.js';
import { FakeClock } from '../../src/runtime/testing/fake-clock.js';
import { EVENT_STORES } from './event-stores.js';
import { type GeneratedEvents, generateEvents, listen } from './generated-events.js';

let generated: GeneratedEvents;
beforeAll(async () => {
  generated = await generateEvents();
}, 120_000);
afterAll(() => generated?.remove());

const [currentSecret, previousSecret] = [createWebhookSecret(), createWebhookSecret()];

/** One signed delivery of `body` as Standard Webhooks sends it, at `at` (ms). */
async function delivery(input: { id: string; body: unknown; secret?: string; at?: number }) {
  const payload = JSON.stringify(input.body);
  const timestamp = Math.floor((input.at ?? Date.now()) / 1000);
  const signature = await signWebhook({
    secrets: input.secret ?? currentSecret,
    id: input.id,
    timestamp,
    payload,
  });
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': input.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signature,
    },
    body: payload,
  };
}

function counting() {
  const counts: Record<string, number> = {};
  const count = (name: string) => () => {
    counts[name] = (counts[name] ?? 0) + 1;
  };
  const hooks: EventHooks = {
    onDelivery: count('delivery'),
    onDuplicate: count('duplicate'),
    onRedelivery: count('redelivery'),
    onSignatureFailure: count('signatureFailure'),
  };
  return { counts, hooks };
}

/** Counts the store's claims: a refused delivery must not reach the store. */
function countClaims(store: IdempotencyStore): { store: IdempotencyStore; claims: () => number } {
  let claims = 0;
  return {
    claims: () => claims,
    store: new Proxy(store, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (name !== 'claim' || typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          claims++;
          return value.apply(target, args);
        };
      },
    }),
  };
}

const paid = { type: 'order.paid', orderId: 'o-1', amount: 1200 } as const;

describe.each(EVENT_STORES)('webhook receivers on $name', (storeCase) => {
  it('runs the handler once for N redeliveries, in sequence and concurrently', async () => {
    const { store, close } = await storeCase.open();
    const { counts, hooks } = counting();
    let runs = 0;
    const core = generated.server.createServer({
      store,
      webhookSecrets: [currentSecret, previousSecret],
      eventHooks: hooks,
      handlers: {
        orderPaid: async (): Promise<HandlerResult> => {
          runs++;
          await new Promise((resolve) => setTimeout(resolve, 50));
          return { status: 200, body: { received: true } };
        },
      },
    });
    const server = await listen(generated.server, core);
    try {
      const url = `${server.url}/webhooks/orderPaid`;
      const sequence = await delivery({ id: `msg_seq_${storeCase.name}`, body: paid });
      const answers = [];
      for (let n = 0; n < 5; n++) answers.push(await fetch(url, sequence));
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(answers.map((r) => r.headers.get('idempotent-replayed'))).toEqual([
        null,
        'true',
        'true',
        'true',
        'true',
      ]);
      expect(runs).toBe(1);

      const burst = await delivery({ id: `msg_par_${storeCase.name}`, body: paid });
      const statuses = (await Promise.all(Array.from({ length: 8 }, () => fetch(url, burst)))).map(
        (r) => r.status,
      );
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
      expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
      // The sender retries the 409s: they converge on the stored outcome, the handler does not run again.
      const retried = await fetch(url, burst);
      expect(retried.status).toBe(200);
      expect(retried.headers.get('idempotent-replayed')).toBe('true');
      expect(runs).toBe(2);
      expect(counts.delivery).toBe(14);
      expect((counts.duplicate ?? 0) + (counts.redelivery ?? 0)).toBe(12);
    } finally {
      await server.close();
      await close();
    }
  }, 60_000);
});

describe('webhook signatures at the receiver', () => {
  it('refuses a bad signature, a stale timestamp and a removed secret before the handler and the store', async () => {
    const { store, close } = await EVENT_STORES[0]!.open();
    const counted = countClaims(store);
    const { counts, hooks } = counting();
    const clock = new FakeClock(Date.now());
    let runs = 0;
    const core = generated.server.createServer({
      store: counted.store,
      clock,
      webhookSecrets: () => [currentSecret, previousSecret],
      eventHooks: hooks,
      handlers: {
        orderShipped: () => {
          runs++;
          return { status: 204 };
        },
      },
    });
    const server = await listen(generated.server, core);
    try {
      const url = `${server.url}/hooks/shipped`;
      const body = { id: 'ship_1', orderId: 'o-1' };
      const problem = async (init: RequestInit) => {
        const response = await fetch(url, init);
        return { status: response.status, body: (await response.json()) as { type: string; detail: string } };
      };
      const tampered = await delivery({ id: 'ship_1', body });
      tampered.body = JSON.stringify({ ...body, orderId: 'o-2' });
      expect(await problem(tampered)).toMatchObject({
        status: 401,
        body: { type: expect.stringContaining('webhook-signature-invalid') },
      });
      const removed = await delivery({ id: 'ship_1', body, secret: createWebhookSecret() });
      expect((await problem(removed)).status).toBe(401);
      // x-webhook-signature: { tolerance: 2m } on this receiver: 3 minutes old is refused, 1 minute is not.
      const stale = await delivery({ id: 'ship_1', body, at: clock.now() - 3 * 60_000 });
      expect(await problem(stale)).toMatchObject({
        status: 401,
        body: { detail: expect.stringContaining('older') },
      });
      const unsigned = {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      };
      expect((await problem(unsigned)).status).toBe(401);
      expect(runs).toBe(0);
      expect(counted.claims()).toBe(0);
      expect(counts.signatureFailure).toBe(4);

      // Rotation: the previous secret still verifies; a minute-old delivery is within the tolerance.
      const rotated = await delivery({
        id: 'ship_1',
        body,
        secret: previousSecret,
        at: clock.now() - 60_000,
      });
      expect((await fetch(url, rotated)).status).toBe(204);
      expect(runs).toBe(1);
      expect(counted.claims()).toBe(1);
      // The same capture replayed later, once the tolerance has passed: refused, not replayed from the store.
      clock.setTime(clock.now() + 5 * 60_000);
      expect((await problem(rotated)).status).toBe(401);
      expect(counted.claims()).toBe(1);
    } finally {
      await server.close();
      await close();
    }
  }, 60_000);

  it('throws at start-up when a signed receiver has a handler and no secrets', () => {
    expect(() =>
      generated.server.createServer({
        handlers: { orderPaid: () => ({ status: 200, body: { received: true } }) },
      }),
    ).toThrow(/orderPaid requires a Standard Webhooks signature/);
  });
});

describe('generated senders against generated receivers', () => {
  it('delivers once, with one webhook-id, through failed attempts, on the contract x-retry', async () => {
    const { store, close } = await EVENT_STORES[0]!.open();
    const ids: string[] = [];
    let runs = 0;
    let succeeded = 0;
    const core = generated.server.createServer({
      store,
      webhookSecrets: currentSecret,
      logger: { error: () => {} },
      handlers: {
        orderPaid: (request) => {
          ids.push(String(request.headers['webhook-id']));
          runs++;
          if (runs <= 2) throw new Error('database away');
          succeeded++;
          return { status: 200, body: { received: true } };
        },
      },
    });
    const server = await listen(generated.server, core);
    const clock = new FakeClock(Date.now());
    try {
      const sending = generated.server.sendOrderPaid(`${server.url}/webhooks/orderPaid`, paid, {
        secrets: currentSecret,
        clock,
      });
      let done = false;
      void sending.finally(() => {
        done = true;
      });
      while (!done)
        if (!(await clock.advanceToNext())) await new Promise((resolve) => setTimeout(resolve, 5));
      const result = await sending;
      expect(result.outcome).toBe('delivered');
      expect(result.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
      expect(succeeded).toBe(1);
      expect(new Set(ids)).toEqual(new Set([result.id]));
      // x-retry: backoff initial 1s, multiplier 4, full jitter: each wait within its bound.
      expect(clock.sleeps).toHaveLength(2);
      expect(clock.sleeps[0]).toBeLessThanOrEqual(1000);
      expect(clock.sleeps[1]).toBeLessThanOrEqual(4000);
      // Sending the same event again (a new id) runs it again; resending with the same id does not.
      const again = await generated.server.sendOrderPaid(`${server.url}/webhooks/orderPaid`, paid, {
        secrets: currentSecret,
        id: result.id,
      });
      expect(again).toMatchObject({ outcome: 'delivered', id: result.id });
      expect(succeeded).toBe(1);
    } finally {
      await server.close();
      await close();
    }
  }, 60_000);

  it('callbacks use the event body id as webhook-id, so one event is handled once', async () => {
    const { store, close } = await EVENT_STORES[0]!.open();
    let runs = 0;
    const core = generated.server.createServer({
      store,
      webhookSecrets: currentSecret,
      handlers: {
        stockChanged: (request) => {
          runs++;
          expect(request.headers['webhook-id']).toBe('stock_7');
          return { status: 204 };
        },
      },
    });
    const server = await listen(generated.server, core);
    try {
      const url = `${server.url}/callbacks/createSubscription/stockChanged`;
      const event = { id: 'stock_7', sku: 'sku-1', quantity: 3 };
      const first = await generated.server.sendStockChanged(url, event, { secrets: currentSecret });
      const second = await generated.server.sendStockChanged(url, event, { secrets: currentSecret });
      expect([first.outcome, second.outcome, first.id, second.id]).toEqual([
        'delivered',
        'delivered',
        'stock_7',
        'stock_7',
      ]);
      expect(runs).toBe(1);
    } finally {
      await server.close();
      await close();
    }
  }, 60_000);
});
