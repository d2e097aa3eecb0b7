/** Shared set-up for the engine tests: a fake clock, a memory store, recording hooks, deferred handlers. */
import { vi } from 'vitest';
import type {
  IdempotencyContract,
  IdempotencyEngine,
  IdempotencyHooks,
  IdempotencyRequest,
  IdempotencyResult,
  IdempotencyStore,
  IdempotentResponse,
  RunIdempotentInput,
} from '../../../src/runtime/idempotency/index.js';
import { createIdempotencyEngine, createMemoryStore } from '../../../src/runtime/idempotency/index.js';
import { FakeClock } from '../../../src/runtime/testing/fake-clock.js';

/** The defaults of extensions.md. */
export const makeContract = (overrides: Partial<IdempotencyContract> = {}): IdempotencyContract => ({
  key: { in: 'header', name: 'Idempotency-Key' },
  required: true,
  ttlMs: 24 * 3_600_000,
  inProgressTimeoutMs: 60_000,
  fingerprint: ['method', 'path', 'query', 'body'],
  scope: ['principal'],
  concurrent: 'reject',
  replay: ['2XX', '4XX'],
  ...overrides,
});

export const makeRequest = (overrides: Partial<IdempotencyRequest> = {}): IdempotencyRequest => ({
  method: 'POST',
  pathTemplate: '/orders',
  headers: { 'idempotency-key': 'key-1' },
  body: { item: 'book', quantity: 1 },
  ...overrides,
});

export const created = (id = 'order-1'): IdempotentResponse => ({
  status: 201,
  headers: { 'content-type': 'application/json', location: `/orders/${id}`, 'set-cookie': 'session=secret' },
  body: JSON.stringify({ id }),
});

export type RecordedEvent = [name: keyof IdempotencyHooks, event: Record<string, unknown>];

export function recordHooks(): { hooks: Required<IdempotencyHooks>; events: RecordedEvent[] } {
  const events: RecordedEvent[] = [];
  const record =
    (name: keyof IdempotencyHooks) =>
    (event: object): void => {
      events.push([name, event as Record<string, unknown>]);
    };
  return {
    events,
    hooks: {
      onReplay: record('onReplay'),
      onConflict: record('onConflict'),
      onMismatch: record('onMismatch'),
      onTakeOver: record('onTakeOver'),
      onStoreError: record('onStoreError'),
      onFencedCompletion: record('onFencedCompletion'),
      onCompletionRetried: record('onCompletionRetried'),
    },
  };
}

/** A handler whose answer the test gives later; `calls` counts executions. */
export function deferredHandler(): {
  execute: RunIdempotentInput['execute'];
  calls: () => number;
  resolve: (response: IdempotentResponse) => void;
} {
  const waiting: ((response: IdempotentResponse) => void)[] = [];
  let calls = 0;
  return {
    execute: () => {
      calls++;
      return new Promise((resolve) => waiting.push(resolve));
    },
    calls: () => calls,
    resolve: (response) => waiting.shift()?.(response),
  };
}

export interface EngineHarness {
  clock: FakeClock;
  engine: IdempotencyEngine;
  store: IdempotencyStore;
  events: RecordedEvent[];
  handler: ReturnType<typeof vi.fn<RunIdempotentInput['execute']>>;
  run(input?: Partial<RunIdempotentInput>): Promise<IdempotencyResult>;
}

export function createEngineHarness(
  options: { store?: IdempotencyStore; failOpen?: boolean; contract?: Partial<IdempotencyContract> } = {},
): EngineHarness {
  const clock = new FakeClock(1_700_000_000_000);
  const store = options.store ?? createMemoryStore({ clock });
  const { hooks, events } = recordHooks();
  const engine = createIdempotencyEngine({ store, clock, hooks, failOpen: options.failOpen ?? false });
  let orders = 0;
  const handler = vi.fn<RunIdempotentInput['execute']>(async () => created(`order-${++orders}`));
  return {
    clock,
    engine,
    store,
    events,
    handler,
    run: (input = {}) =>
      engine.runIdempotent({
        contract: makeContract(options.contract),
        request: makeRequest(),
        operationId: 'createOrder',
        replayHeaders: ['Location'],
        execute: handler,
        ...input,
      }),
  };
}

/**
 * A store whose `complete` throws its first `failures` calls (a store outage), then delegates to `base`;
 * `completeCalls` counts every call.
 */
export function flakyCompleteStore(
  base: IdempotencyStore,
  failures: number,
): IdempotencyStore & { completeCalls: () => number; releaseCalls: () => number } {
  let completeCalls = 0;
  let releaseCalls = 0;
  return {
    claim: (input) => base.claim(input),
    complete: async (input) => {
      completeCalls++;
      if (completeCalls <= failures) throw new Error('Too many Cluster redirections. Last error: closed');
      return base.complete(input);
    },
    release: async (input) => {
      releaseCalls++;
      return base.release(input);
    },
    get: (key) => base.get(key),
    completeCalls: () => completeCalls,
    releaseCalls: () => releaseCalls,
  };
}

/** A store whose chosen primitives throw, the rest delegating to `base`. */
export function failingStore(
  base: IdempotencyStore,
  failing: readonly ('claim' | 'complete' | 'release')[],
): IdempotencyStore {
  const fail = (): never => {
    throw new Error('connection refused: 10.0.0.7:6379 (internal detail)');
  };
  return {
    claim: async (input) => (failing.includes('claim') ? fail() : base.claim(input)),
    complete: async (input) => (failing.includes('complete') ? fail() : base.complete(input)),
    release: async (input) => (failing.includes('release') ? fail() : base.release(input)),
    get: (key) => base.get(key),
  };
}

export const eventNames = (events: RecordedEvent[]): string[] => events.map(([name]) => name);
