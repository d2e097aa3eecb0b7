/**
 * The metrics as a Prometheus server sees them: the SDK's Prometheus exporter behind a real HTTP endpoint
 * on 127.0.0.1, scraped with a GET after the generated client created a payment and repeated the call
 * with the same key (one execution, one replay). The names are the ones docs/observability.md's queries use.
 */
import { createServer } from 'node:http';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import type { MetricReader } from '@opentelemetry/sdk-metrics';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listenNode } from '../e2e/helpers/server-adapters.js';
import { type GeneratedApi, generateE2eApi } from '../e2e/helpers/server-generated.js';
import { createPaymentsApp } from '../e2e/helpers/server-payments-app.js';
import { type RegisteredSdk, registerSdk } from './helpers/otel-sdk.js';

let api: GeneratedApi;
beforeAll(async () => {
  api = await generateE2eApi('prometheus');
});
afterAll(() => api?.remove());

let sdk: RegisteredSdk | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await sdk?.unregister();
  sdk = undefined;
});

/** The value of the sample line whose name is `name` and whose labels include every `labels` pair. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (match === null || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [
        m[1],
        m[2],
      ]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe('telemetry: Prometheus', () => {
  it('serves the server and client metrics over HTTP in the exposition format', async () => {
    const exporter = new PrometheusExporter({ preventServerStart: true });
    // The exporter brings its own copy of sdk-metrics: the same class, declared twice.
    sdk = registerSdk({ readers: [exporter as unknown as MetricReader] });
    const metricsEndpoint = await listenNode(
      createServer((request, response) => exporter.getMetricsRequestHandler(request, response)),
    );
    closers.push(metricsEndpoint.close);
    const app = createPaymentsApp({ generated: api.server });
    const server = await listenNode(createServer(api.server.toNodeHandler(app.core)));
    closers.push(server.close);
    const client = api.client.createClient({ baseUrl: server.url });
    const input = { body: { amount: 4200, currency: 'EUR' } };
    const first = await api.client.createPayment(client, input, { idempotencyKey: 'prom-1' });
    const second = await api.client.createPayment(client, input, { idempotencyKey: 'prom-1' });
    expect(first.ok && second.ok && second.headers.get('idempotent-replayed')).toBe('true');

    const scrape = await fetch(`${metricsEndpoint.url}/metrics`);
    const text = await scrape.text();

    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toMatch(/^text\/plain/);
    const outcome = (value: string) => ({
      idempotency_operation: 'createPayment',
      http_route: '/payments',
      idempotency_outcome: value,
    });
    expect(sample(text, 'idempotency_server_requests_total', outcome('executed'))).toBe(1);
    expect(sample(text, 'idempotency_server_requests_total', outcome('replayed'))).toBe(1);
    expect(sample(text, 'retry_client_attempts_total', { http_request_method: 'POST' })).toBe(2);
    expect(sample(text, 'retry_client_calls_total', { retry_outcome: 'success' })).toBe(2);
    expect(sample(text, 'http_server_request_duration_count', { http_route: '/payments' })).toBe(2);
    expect(
      sample(text, 'idempotency_store_operation_duration_count', {
        idempotency_store_name: 'memory',
        idempotency_store_operation: 'claim',
      }),
    ).toBe(2);
    expect(text).toContain('# TYPE http_server_request_duration histogram');
    expect(sample(text, 'http_server_request_duration_bucket', { le: '+Inf', http_route: '/payments' })).toBe(
      2,
    );
  }, 30_000);
});
