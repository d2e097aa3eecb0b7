/**
 * The scenario with the real SDK registered globally: the generated client calls the generated
 * server (Node adapter, 127.0.0.1) and needs three attempts: the first answer is lost (a TCP proxy resets the
 * connection after the server executed), the second meets a gateway's 503 with `Retry-After: 1`, the third
 * is answered from the store. One trace holds the call, its three attempts and the two server requests;
 * the metrics count each of them once.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FetchLike } from '../../src/runtime/client/types.js';
import { listenNode, type RunningServer } from '../e2e/helpers/server-adapters.js';
import { type DropProxy, startDropProxy } from '../e2e/helpers/server-drop-proxy.js';
import { type GeneratedApi, generateE2eApi } from '../e2e/helpers/server-generated.js';
import { createPaymentsApp } from '../e2e/helpers/server-payments-app.js';
import { type RegisteredSdk, registerSdk } from './helpers/otel-sdk.js';

const KIND = { INTERNAL: 0, SERVER: 1, CLIENT: 2 } as const;
const KEY = 'order-7f3a-secret-key';

let api: GeneratedApi;
beforeAll(async () => {
  api = await generateE2eApi('telemetry');
});
afterAll(() => api?.remove());

let sdk: RegisteredSdk | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await sdk?.unregister();
  sdk = undefined;
});

/** A load balancer that answers 503 with `Retry-After: 1` and keeps the headers it got. */
async function startGateway(): Promise<RunningServer & { seen: IncomingHttpHeaders[] }> {
  const seen: IncomingHttpHeaders[] = [];
  const server = await listenNode(
    createServer((request, response) => {
      seen.push(request.headers);
      request.resume();
      response.writeHead(503, { 'retry-after': '1', 'content-type': 'text/plain' }).end('overloaded');
    }),
  );
  return { ...server, seen };
}

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const idOf = (span: ReadableSpan) => span.spanContext().spanId;

describe('telemetry: a call that takes three attempts', () => {
  it('gives one trace (call, three attempts, two server requests), the events, and the counts', async () => {
    sdk = registerSdk();
    const replays: number[] = [];
    const app = createPaymentsApp({
      generated: api.server,
      hooks: { onReplay: (e) => replays.push(e.status) },
    });
    const server = await listenNode(createServer(api.server.toNodeHandler(app.core)));
    closers.push(server.close);
    const proxy: DropProxy = await startDropProxy({ targetUrl: server.url, drop: 1 });
    closers.push(proxy.close);
    const gateway = await startGateway();
    closers.push(gateway.close);
    // Attempt 2 goes to the gateway instead: the fetch a client behind a flaky load balancer would see.
    const sent: Headers[] = [];
    const viaGateway: FetchLike = (input, init) => {
      sent.push(new Headers(init.headers));
      const url = sent.length === 2 ? input.replace(proxy.url, gateway.url) : input;
      return fetch(url, init);
    };
    const hookIds: { attempt: number; traceId?: string; spanId?: string; correlationId: string }[] = [];
    const client = api.client.createClient({
      baseUrl: proxy.url,
      fetch: viaGateway,
      hooks: {
        onAttempt: ({ attempt, traceId, spanId, correlationId }) =>
          hookIds.push({ attempt, traceId, spanId, correlationId }),
      },
    });

    const result = await api.client.createPayment(
      client,
      { body: { amount: 4200, currency: 'EUR' } },
      { idempotencyKey: KEY },
    );

    if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
    expect(result.attempts).toBe(3);
    expect(result.headers.get('idempotent-replayed')).toBe('true');
    expect(app.executions()).toBe(1);
    expect(proxy.dropped()).toBe(1);
    expect(replays).toEqual([201]);

    const spans = sdk.spans();
    const calls = spans.filter((s) => s.kind === KIND.INTERNAL);
    const attempts = spans.filter((s) => s.kind === KIND.CLIENT && s.name === 'POST');
    const requests = spans.filter((s) => s.kind === KIND.SERVER);
    const stores = spans.filter((s) => s.name.startsWith('idempotency.store '));
    expect(calls).toHaveLength(1);
    expect(attempts).toHaveLength(3);
    expect(requests).toHaveLength(2);
    const call = calls[0]!;
    const traceId = call.spanContext().traceId;
    expect(new Set(spans.map((s) => s.spanContext().traceId))).toEqual(new Set([traceId]));
    expect(result.correlationId).toBe(traceId);

    // The call span: the HTTP client conventions, the key's hash, the final outcome.
    expect(call.name).toBe('POST /payments');
    expect(call.attributes).toMatchObject({
      'http.request.method': 'POST',
      'url.full': `${proxy.url}/payments`,
      'server.address': '127.0.0.1',
      'http.response.status_code': 201,
      'retry.attempts': 3,
      'retry.outcome': 'success',
    });
    const keyHash = call.attributes['idempotency.key.hash'];
    expect(keyHash).toMatch(/^[0-9a-f]{16}$/);

    // Attempts, in order, children of the call; resend_count from the second on.
    attempts.sort((a, b) => Number(a.attributes['retry.attempt']) - Number(b.attributes['retry.attempt']));
    const [first, second, third] = attempts as [ReadableSpan, ReadableSpan, ReadableSpan];
    expect(attempts.map(parentOf)).toEqual([idOf(call), idOf(call), idOf(call)]);
    expect(attempts.map((s) => s.attributes['http.request.resend_count'])).toEqual([undefined, 1, 2]);
    expect(first.attributes).toMatchObject({
      'error.type': 'network',
      'retry.reason': 'network',
      'retry.delay_ms': 10,
    });
    expect(first.attributes['http.response.status_code']).toBeUndefined();
    expect(second.attributes).toMatchObject({
      'http.response.status_code': 503,
      'error.type': '503',
      'retry.reason': 'status',
      'retry.delay_ms': 1000,
    });
    expect(third.attributes['http.response.status_code']).toBe(201);
    expect(third.attributes['error.type']).toBeUndefined();

    // Each attempt carried its own span's traceparent (attempt 2 to the gateway).
    expect(sent.map((h) => h.get('traceparent'))).toEqual(attempts.map((s) => `00-${traceId}-${idOf(s)}-01`));
    expect(gateway.seen[0]?.traceparent).toBe(`00-${traceId}-${idOf(second)}-01`);

    // The hooks saw each attempt's ids.
    expect(hookIds).toEqual(
      attempts.map((s, index) => ({ attempt: index + 1, traceId, spanId: idOf(s), correlationId: traceId })),
    );

    // Server spans continue attempts 1 and 3; HTTP server conventions, outcome, events.
    requests.sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1]);
    const [executed, replayed] = requests as [ReadableSpan, ReadableSpan];
    expect(requests.map(parentOf)).toEqual([idOf(first), idOf(third)]);
    for (const span of requests) {
      expect(span.name).toBe('POST /payments');
      expect(span.attributes).toMatchObject({
        'http.request.method': 'POST',
        'http.route': '/payments',
        'url.path': '/payments',
        'http.response.status_code': 201,
        'idempotency.key.hash': keyHash,
      });
    }
    expect(executed.attributes['idempotency.outcome']).toBe('executed');
    expect(replayed.attributes['idempotency.outcome']).toBe('replayed');
    expect(executed.events.map((e) => e.name)).toEqual(['idempotency.claim']);
    expect(executed.events[0]?.attributes).toMatchObject({ fence: 1, taken_over: false });
    expect(replayed.events.map((e) => e.name)).toEqual(['idempotency.replay']);

    // Store calls: children of their request's span.
    const storeCalls = stores.map((s) => [s.attributes['idempotency.store.operation'], parentOf(s)]);
    expect(storeCalls).toEqual(
      expect.arrayContaining([
        ['claim', idOf(executed)],
        ['complete', idOf(executed)],
        ['claim', idOf(replayed)],
      ]),
    );
    expect(stores).toHaveLength(3);
    expect(stores.every((s) => s.attributes['idempotency.store.name'] === 'memory')).toBe(true);

    // The key itself is nowhere.
    expect(JSON.stringify(spans.map((s) => [s.attributes, s.events]))).not.toContain(KEY);

    // Metrics.
    const m = sdk;
    expect(await m.sum('retry.client.attempts')).toBe(3);
    expect(await m.sum('retry.client.retries', { 'retry.reason': 'network' })).toBe(1);
    expect(await m.sum('retry.client.retries', { 'retry.reason': 'status' })).toBe(1);
    expect(await m.sum('retry.client.retries')).toBe(2);
    expect(await m.sum('retry.client.calls', { 'retry.outcome': 'success' })).toBe(1);
    expect(await m.sum('retry.client.calls')).toBe(1);
    expect(await m.sum('retry.client.budget.exhausted')).toBe(0);
    expect(await m.count('retry.client.backoff.duration')).toBe(2);
    const backoff = await m.points('retry.client.backoff.duration');
    const waited = backoff.reduce((n, p) => n + ((p.value as { sum?: number }).sum ?? 0), 0);
    expect(waited).toBeCloseTo(1.01, 6);
    expect(await m.count('retry.client.call.duration')).toBe(1);
    expect(await m.count('http.client.request.duration')).toBe(3);
    expect(await m.count('http.client.request.duration', { 'http.response.status_code': 503 })).toBe(1);
    expect(await m.count('http.client.request.duration', { 'error.type': 'network' })).toBe(1);
    expect(await m.sum('idempotency.server.requests', { 'idempotency.outcome': 'executed' })).toBe(1);
    expect(await m.sum('idempotency.server.requests', { 'idempotency.outcome': 'replayed' })).toBe(1);
    expect(await m.sum('idempotency.server.requests')).toBe(2);
    expect(
      await m.sum('idempotency.server.requests', {
        'idempotency.operation': 'createPayment',
        'http.route': '/payments',
      }),
    ).toBe(2);
    expect(await m.count('http.server.request.duration', { 'http.route': '/payments' })).toBe(2);
    expect(
      await m.count('idempotency.store.operation.duration', { 'idempotency.store.operation': 'claim' }),
    ).toBe(2);
    expect(
      await m.count('idempotency.store.operation.duration', { 'idempotency.store.operation': 'complete' }),
    ).toBe(1);
    expect(await m.sum('idempotency.store.errors')).toBe(0);
    expect(await m.sum('idempotency.lease.takeovers')).toBe(0);
    expect(await m.sum('idempotency.completions.fenced')).toBe(0);
  }, 30_000);
});
