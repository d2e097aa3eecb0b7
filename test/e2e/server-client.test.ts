/**
 * The generated client against the generated server, both from fixtures/e2e-server/api.yaml, through
 * injected connection drops after the server has executed: the payment exists exactly once, and the
 * client's result is the replayed 201 after more than one attempt, all carrying one idempotency key.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FetchLike } from '../../src/runtime/client/types.js';
import { ADAPTER_NAMES, type RunningServer, startAdapter } from './helpers/server-adapters.js';
import { type DropProxy, startDropProxy } from './helpers/server-drop-proxy.js';
import { type GeneratedApi, generateE2eApi } from './helpers/server-generated.js';
import { createPaymentsApp } from './helpers/server-payments-app.js';

const DROPS = 2;

let api: GeneratedApi;
beforeAll(async () => {
  api = await generateE2eApi('client');
});
afterAll(() => api?.remove());

/** A fetch that records the key of every attempt; with `drop`, it also loses the first answers itself. */
function recordingFetch(drop: number): { fetch: FetchLike; keys: (string | null)[] } {
  const keys: (string | null)[] = [];
  const fetchLike: FetchLike = async (input, init) => {
    keys.push(new Headers(init.headers).get('idempotency-key'));
    const response = await fetch(input, init);
    if (keys.length <= drop) {
      await response.arrayBuffer();
      throw new TypeError('fetch failed (injected: the connection dropped after the server answered)');
    }
    return response;
  };
  return { fetch: fetchLike, keys };
}

const FAULTS = ['tcp proxy resets the connection', 'fetch throws after the real request'] as const;

describe.each(ADAPTER_NAMES)('generated client against the generated server, %s adapter', (name) => {
  let server: RunningServer | undefined;
  let proxy: DropProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    await server?.close();
    proxy = undefined;
    server = undefined;
  });

  it.each(FAULTS)('creates one payment through %s', async (fault) => {
    let replays = 0;
    const app = createPaymentsApp({ generated: api.server, hooks: { onReplay: () => replays++ } });
    server = await startAdapter({ name, core: app.core, generated: api.server });
    const viaProxy = fault === 'tcp proxy resets the connection';
    if (viaProxy) proxy = await startDropProxy({ targetUrl: server.url, drop: DROPS });
    const recording = recordingFetch(viaProxy ? 0 : DROPS);
    const retries: string[] = [];
    const client = api.client.createClient({
      baseUrl: proxy?.url ?? server.url,
      fetch: recording.fetch,
      hooks: { onRetry: (event) => retries.push(event.reason) },
    });

    const created = await api.client.createPayment(client, { body: { amount: 4200, currency: 'EUR' } });

    if (!created.ok) throw new Error(`expected ok, got ${JSON.stringify(created.error)}`);
    expect(created.status).toBe(201);
    expect(created.data).toEqual({ id: 'pay_1', status: 'succeeded', amount: 4200, currency: 'EUR' });
    expect(created.attempts).toBe(DROPS + 1);
    expect(created.headers.get('idempotent-replayed')).toBe('true');
    expect(created.headers.get('location')).toBe('/payments/pay_1');
    expect(retries).toEqual(Array.from({ length: DROPS }, () => 'network'));
    expect(recording.keys).toHaveLength(DROPS + 1);
    expect(new Set(recording.keys)).toEqual(new Set([created.idempotencyKey]));
    if (proxy) expect(proxy.dropped()).toBe(DROPS);
    // The server executed once and answered the later attempts from the store.
    expect(app.executions()).toBe(1);
    expect(replays).toBe(DROPS);
    expect([...app.payments.keys()]).toEqual(['pay_1']);
    const read = await api.client.getPayment(client, { path: { paymentId: 'pay_1' } });
    expect(read.ok && read.data).toEqual(created.data);
  });
});
