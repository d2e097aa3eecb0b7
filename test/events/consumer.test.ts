import { describe, expect, it } from 'vitest';
import { createIdempotentConsumer } from '../../src/runtime/events/consumer.js';
import type { EventHooks } from '../../src/runtime/events/hooks.js';
import { createMemoryStore } from '../../src/runtime/idempotency/stores/memory.js';
import { FakeClock } from '../../src/runtime/testing/fake-clock.js';
import { EVENT_STORES } from './event-stores.js';

interface Message {
  id?: unknown;
  amount: number;
}

function counting(): { hooks: EventHooks; counts: Record<string, number> } {
  const counts: Record<string, number> = {};
  const count = (name: string) => () => {
    counts[name] = (counts[name] ?? 0) + 1;
  };
  return {
    counts,
    hooks: {
      onDelivery: count('delivery'),
      onDuplicate: count('duplicate'),
      onRedelivery: count('redelivery'),
      onDeadLetter: count('deadLetter'),
    },
  };
}

describe.each(EVENT_STORES)('idempotent consumer on $name', (storeCase) => {
  it('runs the handler once for N redeliveries, in sequence and concurrently', async () => {
    const { store, close } = await storeCase.open();
    try {
      let runs = 0;
      const { hooks, counts } = counting();
      const consumer = createIdempotentConsumer<Message, { charged: number }>({
        store,
        key: '/id',
        name: `payments-${storeCase.name}`,
        hooks,
        handler: async (message) => {
          runs++;
          await new Promise((resolve) => setTimeout(resolve, 30));
          return { charged: message.amount };
        },
      });
      const message = { id: 'evt_seq', amount: 5 };
      const first = await consumer.consume(message);
      expect(first).toEqual({ kind: 'handled', ack: true, key: 'evt_seq', result: { charged: 5 } });
      for (let n = 0; n < 5; n++) {
        expect(await consumer.consume(message)).toEqual({
          kind: 'duplicate',
          ack: true,
          key: 'evt_seq',
          result: { charged: 5 },
        });
      }
      expect(runs).toBe(1);

      const burst = await Promise.all(
        Array.from({ length: 8 }, () => consumer.consume({ id: 'evt_par', amount: 7 })),
      );
      const kinds = burst.map((r) => r.kind).sort();
      expect(kinds.filter((k) => k === 'handled')).toHaveLength(1);
      expect(kinds.every((k) => k === 'handled' || k === 'in-progress' || k === 'duplicate')).toBe(true);
      expect(burst.filter((r) => r.ack === false).every((r) => r.kind === 'in-progress')).toBe(true);
      // The ones left unacknowledged come back (the broker redelivers): answered from the store.
      expect(await consumer.consume({ id: 'evt_par', amount: 7 })).toMatchObject({ kind: 'duplicate' });
      expect(runs).toBe(2);
      expect(counts.delivery).toBe(15);
      expect(counts.duplicate).toBeGreaterThanOrEqual(6);
    } finally {
      await close();
    }
  }, 30_000);
});

describe('idempotent consumer', () => {
  it('releases the key on a transient failure, so the redelivery runs the handler again', async () => {
    let runs = 0;
    const consumer = createIdempotentConsumer<Message>({
      store: createMemoryStore(),
      key: (m) => m.id,
      handler: () => {
        runs++;
        if (runs === 1) throw new Error('database away');
        return 'ok';
      },
    });
    const first = await consumer.consume({ id: 'a', amount: 1 });
    expect(first).toMatchObject({ kind: 'retry', ack: false, key: 'a' });
    expect(await consumer.consume({ id: 'a', amount: 1 })).toMatchObject({ kind: 'handled', result: 'ok' });
    expect(await consumer.consume({ id: 'a', amount: 1 })).toMatchObject({ kind: 'duplicate', result: 'ok' });
    expect(runs).toBe(2);
  });

  it('dead-letters a message without a key, a permanent error, and one out of deliveries, once each', async () => {
    let runs = 0;
    const { hooks, counts } = counting();
    const consumer = createIdempotentConsumer<Message>({
      store: createMemoryStore(),
      key: '/id',
      hooks,
      maxDeliveries: 3,
      isPermanent: (error) => error instanceof TypeError,
      handler: (message) => {
        runs++;
        if (message.amount < 0) throw new TypeError('negative amount');
        throw new Error('still failing');
      },
    });
    expect(await consumer.consume({ amount: 1 })).toEqual({
      kind: 'dead-letter',
      ack: true,
      reason: 'key-missing',
      key: undefined,
      error: undefined,
    });
    expect(await consumer.consume({ id: { nested: true }, amount: 1 })).toMatchObject({
      kind: 'dead-letter',
      reason: 'key-invalid',
    });
    const permanent = await consumer.consume({ id: 'p', amount: -1 });
    expect(permanent).toMatchObject({ kind: 'dead-letter', reason: 'permanent-error', key: 'p' });
    expect(permanent.kind === 'dead-letter' && permanent.error).toBeInstanceOf(TypeError);
    // A redelivery of the dead-lettered message is answered from the store: the handler does not run.
    expect(await consumer.consume({ id: 'p', amount: -1 })).toMatchObject({
      kind: 'dead-letter',
      reason: 'permanent-error',
    });
    expect(runs).toBe(1);
    expect(await consumer.consume({ id: 'm', amount: 1 }, { deliveryCount: 2 })).toMatchObject({
      kind: 'retry',
    });
    expect(await consumer.consume({ id: 'm', amount: 1 }, { deliveryCount: 3 })).toMatchObject({
      kind: 'dead-letter',
      reason: 'max-deliveries',
    });
    expect(runs).toBe(3);
    expect(counts.deadLetter).toBe(5);
    expect(counts.redelivery).toBe(2);
  });

  it('takes over the lease of a consumer that never finished, once the lease has run out', async () => {
    const clock = new FakeClock(1_000_000);
    const store = createMemoryStore({ clock });
    const { hooks, counts } = counting();
    let release: () => void = () => {};
    let started: () => void = () => {};
    const firstStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const seen: boolean[] = [];
    const consumer = createIdempotentConsumer<Message>({
      store,
      clock,
      key: '/id',
      leaseMs: 10_000,
      hooks,
      handler: async (_m, context) => {
        seen.push(context.takenOver);
        if (seen.length > 1) return 'done';
        started();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return 'late';
      },
    });
    const stuck = consumer.consume({ id: 'k', amount: 1 });
    await firstStarted;
    expect(await consumer.consume({ id: 'k', amount: 1 })).toMatchObject({ kind: 'in-progress', ack: false });
    clock.setTime(1_000_000 + 10_001);
    expect(await consumer.consume({ id: 'k', amount: 1 })).toMatchObject({ kind: 'handled', result: 'done' });
    expect(seen).toEqual([false, true]);
    release();
    // The stuck one finishes late: its completion is fenced, it does not overwrite the new outcome.
    expect(await stuck).toMatchObject({ kind: 'handled', result: 'late' });
    expect(await consumer.consume({ id: 'k', amount: 1 })).toMatchObject({
      kind: 'duplicate',
      result: 'done',
    });
    expect(counts.redelivery).toBe(2);
  });
});
