/**
 * Transactional completion through the engine: the handler gets its claim, records the outcome with
 * `completeWithin` on its own transaction's connection, and the engine then skips its own completion; a
 * fenced completion is answered with 409 and releases nothing.
 */
import { describe, expect, it, vi } from 'vitest';
import type {
  ExecutionClaim,
  IdempotencyStore,
  TransactionalCompletionStore,
} from '../../../src/runtime/idempotency/index.js';
import {
  createMemoryStore,
  isFencedCompletionError,
  supportsCompleteWithin,
} from '../../../src/runtime/idempotency/index.js';
import { FakeClock } from '../../../src/runtime/testing/fake-clock.js';
import { created, createEngineHarness, eventNames, makeContract, makeRequest } from './engine-harness.js';

type Spied = IdempotencyStore & TransactionalCompletionStore & { clients: unknown[] };

/** A memory store with `completeWithin` that completes at once (as a committed transaction would). */
function transactionalStore(options: { fenced?: boolean } = {}): Spied {
  const base = createMemoryStore({ clock: new FakeClock(0) });
  const clients: unknown[] = [];
  return {
    clients,
    claim: (input) => base.claim(input),
    complete: vi.fn((input) => base.complete(input)),
    release: vi.fn((input) => base.release(input)),
    get: (key) => base.get(key),
    completeWithin: async ({ client, ...input }) => {
      clients.push(client);
      return options.fenced ? false : base.complete(input);
    },
  };
}

const tx = { name: 'the handler transaction' };

describe('idempotency engine: transactional completion', () => {
  it('finds the capability structurally', () => {
    expect(supportsCompleteWithin(createMemoryStore())).toBe(false);
    expect(supportsCompleteWithin(transactionalStore())).toBe(true);
  });

  it('hands the claim to the handler and skips its own completion after completeWithin', async () => {
    const store = transactionalStore();
    const h = createEngineHarness({ store });
    const seen: ExecutionClaim[] = [];
    const execute = async (_signal: AbortSignal, claim?: ExecutionClaim) => {
      if (claim === undefined) throw new Error('no claim');
      seen.push(claim);
      const response = created('tx-1');
      await claim.completeWithin(tx, response);
      return response;
    };
    expect(await h.run({ execute })).toMatchObject({ kind: 'executed', response: { status: 201 } });
    expect(seen[0]).toMatchObject({ key: 'key-1', fence: 1, takenOver: false, transactional: true });
    expect(seen[0]?.token).toMatch(/^1:/);
    expect(store.clients).toEqual([tx]);
    expect(store.complete).not.toHaveBeenCalled();
    expect(store.release).not.toHaveBeenCalled();

    const replay = await h.run();
    expect(replay).toMatchObject({ kind: 'replayed', response: { status: 201, body: '{"id":"tx-1"}' } });
    expect(replay.kind === 'replayed' && replay.response.headers).toMatchObject({ location: '/orders/tx-1' });
    expect(h.handler).not.toHaveBeenCalled();
  });

  it('answers 409 when the completion is fenced, releasing nothing', async () => {
    const store = transactionalStore({ fenced: true });
    const h = createEngineHarness({ store });
    let thrown: unknown;
    const execute = async (_signal: AbortSignal, claim?: ExecutionClaim) => {
      try {
        await claim?.completeWithin(tx, created());
      } catch (error) {
        thrown = error;
        throw error; // leaves the transaction: it rolls back
      }
      return created();
    };
    const result = await h.run({ execute });
    expect(isFencedCompletionError(thrown)).toBe(true);
    expect(result).toMatchObject({
      kind: 'problem',
      slug: 'idempotency-request-in-progress',
      status: 409,
      headers: { 'retry-after': '1', 'retry-after-ms': '1000' },
    });
    expect(eventNames(h.events)).toEqual(['onFencedCompletion']);
    expect(h.events[0]?.[1]).toMatchObject({ fence: 1, status: 201 });
    expect(store.release).not.toHaveBeenCalled();
    expect(store.complete).not.toHaveBeenCalled();
  });

  it('releases the key when the handler fails after completeWithin (its transaction did not commit)', async () => {
    const store = transactionalStore();
    const h = createEngineHarness({ store });
    const execute = async (_signal: AbortSignal, claim?: ExecutionClaim) => {
      await claim?.completeWithin(tx, created());
      throw new Error('COMMIT failed');
    };
    await expect(h.run({ execute })).rejects.toThrow('COMMIT failed');
    expect(store.release).toHaveBeenCalledTimes(1);
  });

  it.each([
    [
      'a store without the capability',
      createMemoryStore({ clock: new FakeClock(0) }),
      201,
      /cannot complete/,
    ],
    ['a status the contract does not replay', transactionalStore(), 503, /not replayed/],
  ])('refuses %s with a TypeError and releases the key', async (_name, store, status, message) => {
    const h = createEngineHarness({ store });
    const execute = async (_signal: AbortSignal, claim?: ExecutionClaim) => {
      await claim?.completeWithin(tx, { status, headers: {} });
      return created();
    };
    await expect(h.run({ execute })).rejects.toThrow(message);
    expect(await h.run()).toMatchObject({ kind: 'executed', replayed: false });
  });

  it('refuses a second completeWithin', async () => {
    const h = createEngineHarness({ store: transactionalStore() });
    const execute = async (_signal: AbortSignal, claim?: ExecutionClaim) => {
      await claim?.completeWithin(tx, created());
      await claim?.completeWithin(tx, created());
      return created();
    };
    await expect(h.run({ execute })).rejects.toThrow(/already called/);
  });

  it('gives no claim to a request that runs without deduplication', async () => {
    const h = createEngineHarness({ store: transactionalStore(), contract: { required: false } });
    const claims: (ExecutionClaim | undefined)[] = [];
    const execute = async (_signal: AbortSignal, claim?: ExecutionClaim) => {
      claims.push(claim);
      return created();
    };
    await h.run({
      execute,
      request: makeRequest({ headers: {} }),
      contract: makeContract({ required: false }),
    });
    expect(claims).toEqual([undefined]);
  });
});
