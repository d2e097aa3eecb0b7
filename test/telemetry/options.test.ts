/**
 * The `telemetry` option of the generated client and server: providers passed in with nothing registered
 * globally (no propagator and no context manager either: the runtime writes and reads `traceparent`
 * itself), the SDK's own objects for every option (their types fit the runtime's structural ones), and
 * `telemetry: false` with the SDK registered (nothing recorded, nothing sent).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { otelGlobal } from '../../src/runtime/telemetry/find-api.js';
import { listenNode } from '../e2e/helpers/server-adapters.js';
import { type GeneratedApi, generateE2eApi } from '../e2e/helpers/server-generated.js';
import { OnDemandReader, type RegisteredSdk, registerSdk } from './helpers/otel-sdk.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let api: GeneratedApi;
beforeAll(async () => {
  api = await generateE2eApi('telemetry-options');
});
afterAll(() => api?.remove());

let sdk: RegisteredSdk | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await sdk?.unregister();
  sdk = undefined;
});

/** The generated server behind a recorder of the `traceparent` each request brought. */
async function start(telemetry: Parameters<GeneratedApi['server']['createServer']>[0]['telemetry']) {
  const core = api.server.createServer({
    handlers: {
      createPayment: async () => ({
        status: 201,
        body: { id: 'p', status: 's', amount: 1, currency: 'EUR' },
      }),
    },
    ...(telemetry === undefined ? {} : { telemetry }),
  });
  const seen: IncomingHttpHeaders[] = [];
  const handler = api.server.toNodeHandler(core);
  const server = await listenNode(
    createServer((request, response) => {
      seen.push(request.headers);
      handler(request, response);
    }),
  );
  closers.push(server.close);
  return { url: server.url, seen };
}

describe('telemetry options', () => {
  it('uses the providers passed in, with nothing registered, and carries the trace itself', async () => {
    const exporter = new InMemorySpanExporter();
    const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    closers.push(() => tracerProvider.shutdown());
    expect(otelGlobal()).toBeUndefined();
    const server = await start({ tracerProvider });
    const client = api.client.createClient({ baseUrl: server.url, telemetry: { tracerProvider } });

    const result = await api.client.createPayment(client, { body: { amount: 1, currency: 'EUR' } });

    expect(result.ok).toBe(true);
    const spans = exporter.getFinishedSpans();
    const attempt = spans.find((s) => s.kind === 2 && s.name === 'POST');
    const request = spans.find((s) => s.kind === 1);
    const call = spans.find((s) => s.kind === 0);
    expect(call?.parentSpanContext).toBeUndefined();
    const traceId = call!.spanContext().traceId;
    expect(server.seen[0]?.traceparent).toBe(`00-${traceId}-${attempt?.spanContext().spanId}-01`);
    expect(request?.spanContext().traceId).toBe(traceId);
    expect(request?.parentSpanContext).toMatchObject({
      spanId: attempt?.spanContext().spanId,
      isRemote: true,
    });
    expect(result.ok && result.correlationId).toBe(traceId);
  }, 30_000);

  it('takes the SDK objects for every option: tracer and meter providers, propagator, context manager', async () => {
    const exporter = new InMemorySpanExporter();
    const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const reader = new OnDemandReader();
    const meterProvider = new MeterProvider({ readers: [reader] });
    const contextManager = new AsyncLocalStorageContextManager().enable();
    closers.push(async () => {
      contextManager.disable();
      await tracerProvider.shutdown();
      await meterProvider.shutdown();
    });
    const telemetry = {
      tracerProvider,
      meterProvider,
      propagator: new W3CTraceContextPropagator(),
      contextManager,
    };
    const server = await start(telemetry);
    const client = api.client.createClient({ baseUrl: server.url, telemetry });

    const result = await api.client.createPayment(client, { body: { amount: 1, currency: 'EUR' } });

    expect(result.ok).toBe(true);
    const kinds = exporter.getFinishedSpans().map((span) => span.kind);
    // The call (INTERNAL), the server request (SERVER), the attempt and the store's claim and complete (CLIENT).
    expect(kinds.sort()).toEqual([0, 1, 2, 2, 2]);
    const { resourceMetrics } = await reader.collect();
    const names = resourceMetrics.scopeMetrics.flatMap((m) => m.metrics.map((x) => x.descriptor.name));
    expect(names).toEqual(expect.arrayContaining(['retry.client.attempts', 'idempotency.server.requests']));
  }, 30_000);

  it('records and sends nothing with telemetry: false, though the SDK is registered', async () => {
    sdk = registerSdk();
    const server = await start(false);
    const client = api.client.createClient({ baseUrl: server.url, telemetry: false });

    const result = await api.client.createPayment(client, { body: { amount: 1, currency: 'EUR' } });

    expect(result.ok).toBe(true);
    expect(sdk.spans()).toEqual([]);
    expect(await sdk.points('retry.client.attempts')).toEqual([]);
    expect(await sdk.points('idempotency.server.requests')).toEqual([]);
    expect(server.seen[0]?.traceparent).toBeUndefined();
    expect(result.ok && result.correlationId).toMatch(UUID);
  }, 30_000);
});
