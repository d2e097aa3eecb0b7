/**
 * The server's idempotency outcomes, span events, store spans and log correlation, with the SDK registered
 * globally, against the generated server (Node adapter) over 127.0.0.1: a duplicate while the first runs,
 * a key reused with another body, a missing key, a failing store, a lease taken over and the fenced
 * completion that follows, and a handler that throws (its log entry leads to its span; a pino adapter).
 */
import { createServer } from 'node:http';
import { Writable } from 'node:stream';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IdempotencyStore } from '../../src/runtime/idempotency/store.js';
import type { ServerLogEntry, ServerLogger } from '../../src/runtime/server/types.js';
import { FakeClock } from '../../src/runtime/testing/fake-clock.js';
import { listenNode } from '../e2e/helpers/server-adapters.js';
import { type GeneratedApi, generateE2eApi } from '../e2e/helpers/server-generated.js';
import { type RegisteredSdk, registerSdk } from './helpers/otel-sdk.js';

let api: GeneratedApi;
beforeAll(async () => {
  api = await generateE2eApi('telemetry-events');
});
afterAll(() => api?.remove());

let sdk: RegisteredSdk;
const closers: (() => Promise<void>)[] = [];
beforeEach(() => {
  sdk = registerSdk();
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await sdk.unregister();
});

const PAYMENT = { amount: 4200, currency: 'EUR' };

interface Serve {
  store?: IdempotencyStore;
  clock?: FakeClock;
  logger?: ServerLogger;
  gate?: Promise<void>;
}

async function serve(options: Serve = {}) {
  let started = 0;
  const core = api.server.createServer({
    handlers: {
      createPayment: async (request) => {
        started++;
        await options.gate;
        return {
          status: 201,
          body: { id: `pay_${started}`, status: 'succeeded', ...(request.body as object) },
        };
      },
      createPayout: () => {
        throw new Error('ledger unavailable');
      },
    },
    ...(options.store ? { store: options.store } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    logger: options.logger ?? { error: () => {} },
  });
  const server = await listenNode(createServer(api.server.toNodeHandler(core)));
  closers.push(server.close);
  const post = (key: string | undefined, body: object = PAYMENT) =>
    fetch(`${server.url}/payments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
      body: JSON.stringify(body),
    });
  return { url: server.url, post, started: () => started };
}

const serverSpans = () => sdk.spans().filter((s) => s.kind === 1);
const eventsOf = (span: ReadableSpan | undefined) => span?.events.map((e) => e.name);
const outcomes = () => serverSpans().map((s) => s.attributes['idempotency.outcome']);
/** Resolves once `check` holds, polling on the event loop (no timers to wait out). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !check(); i++) await new Promise((r) => setImmediate(r));
  expect(check()).toBe(true);
}

describe('telemetry: server outcomes and events', () => {
  it('a duplicate while the first runs: in_progress, with a conflict event', async () => {
    let open!: () => void;
    const app = await serve({ gate: new Promise<void>((r) => (open = r)) });
    const first = app.post('dup-1');
    await until(() => app.started() === 1);

    const second = await app.post('dup-1');
    open();
    await (await first).text();

    expect(second.status).toBe(409);
    const conflicted = serverSpans().find((s) => s.attributes['idempotency.outcome'] === 'in_progress');
    expect(eventsOf(conflicted)).toEqual(['idempotency.conflict']);
    expect(conflicted?.attributes['http.response.status_code']).toBe(409);
    expect(await sdk.sum('idempotency.server.requests', { 'idempotency.outcome': 'in_progress' })).toBe(1);
    expect(await sdk.sum('idempotency.server.requests', { 'idempotency.outcome': 'executed' })).toBe(1);
  });

  it('a key reused with another body, and a missing key', async () => {
    const app = await serve();
    expect((await app.post('reuse-1')).status).toBe(201);
    expect((await app.post('reuse-1', { amount: 1, currency: 'EUR' })).status).toBe(422);
    expect((await app.post(undefined)).status).toBe(400);

    expect(outcomes()).toEqual(['executed', 'key_reused', 'key_missing']);
    expect(eventsOf(serverSpans()[1])).toEqual(['idempotency.mismatch']);
    expect(serverSpans()[1]?.events[0]?.attributes).toEqual({ state: 'completed' });
    expect(await sdk.sum('idempotency.server.requests', { 'idempotency.outcome': 'key_missing' })).toBe(1);
  });

  it('a failing store: store_unavailable, the store span in error, the error counted', async () => {
    const failing: IdempotencyStore = {
      name: 'flaky',
      claim: () => Promise.reject(new Error('connection refused')),
      complete: () => Promise.resolve(false),
      release: () => Promise.resolve(false),
      get: () => Promise.resolve(undefined),
    };
    const app = await serve({ store: failing });

    expect((await app.post('store-1')).status).toBe(503);

    const [span] = serverSpans();
    expect(span?.attributes['idempotency.outcome']).toBe('store_unavailable');
    expect(eventsOf(span)).toEqual(['idempotency.store_error']);
    const storeSpan = sdk.spans().find((s) => s.name === 'idempotency.store claim');
    expect(storeSpan?.attributes).toMatchObject({
      'idempotency.store.name': 'flaky',
      'idempotency.store.operation': 'claim',
      'error.type': 'Error',
    });
    expect(storeSpan?.status.code).toBe(2);
    expect(storeSpan?.parentSpanContext?.spanId).toBe(span?.spanContext().spanId);
    const where = { 'idempotency.store.name': 'flaky', 'idempotency.store.operation': 'claim' };
    expect(await sdk.sum('idempotency.store.errors', where)).toBe(1);
    expect(await sdk.sum('idempotency.server.requests', { 'idempotency.outcome': 'store_unavailable' })).toBe(
      1,
    );
  });

  it('a lease taken over, then the first holder fenced', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 1));
    let open!: () => void;
    const app = await serve({ clock, gate: new Promise<void>((r) => (open = r)) });
    const first = app.post('lease-1');
    await until(() => app.started() === 1);
    await clock.advance(31_000); // past the 30 s inProgressTimeout

    const second = app.post('lease-1');
    await until(() => app.started() === 2);
    open();
    expect((await first).status).toBe(201);
    expect((await second).status).toBe(201);

    await until(() => serverSpans().length === 2);
    const spans = serverSpans();
    const takenOver = spans.find((s) => eventsOf(s)?.includes('idempotency.take_over'));
    expect(eventsOf(takenOver)).toEqual(['idempotency.claim', 'idempotency.take_over']);
    expect(takenOver?.events[0]?.attributes).toEqual({ fence: 2, taken_over: true });
    expect(await sdk.sum('idempotency.lease.takeovers', { 'idempotency.operation': 'createPayment' })).toBe(
      1,
    );
    // The first holder finishes after the take-over: the store refuses its outcome (fenced).
    const fenced = spans.find((s) => eventsOf(s)?.includes('idempotency.fenced_completion'));
    expect(fenced).not.toBe(takenOver);
    expect(fenced?.events.at(-1)?.attributes).toMatchObject({ fence: 1, status: 201 });
    expect(await sdk.sum('idempotency.completions.fenced')).toBe(1);
  });

  it("a handler's failure: the log entry carries the span's trace and span ids; a pino adapter writes them", async () => {
    const entries: ServerLogEntry[] = [];
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = pino(sink);
    // The adapter of docs/observability.md.
    const logger: ServerLogger = {
      error: ({ error, traceId, spanId, ...entry }) => {
        entries.push({ ...entry, traceId, spanId } as ServerLogEntry);
        log.error({ ...entry, err: error, trace_id: traceId, span_id: spanId }, entry.message);
      },
    };
    const app = await serve({ logger });

    const response = await fetch(`${app.url}/payouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'payout-1' },
      body: JSON.stringify(PAYMENT),
    });

    expect(response.status).toBe(500);
    const [span] = serverSpans();
    const { traceId, spanId } = span!.spanContext();
    expect(entries).toMatchObject([{ message: 'createPayout failed', traceId, spanId }]);
    expect(span?.attributes['error.type']).toBe('500');
    const written = JSON.parse(lines[0] ?? '{}');
    expect(written).toMatchObject({ trace_id: traceId, span_id: spanId, msg: 'createPayout failed' });
    expect(written.err.message).toBe('ledger unavailable');
  });
});
