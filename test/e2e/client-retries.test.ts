/**
 * The generated client (fixtures/e2e-client/openapi.yaml: 4 attempts, delays 5/10/20 ms, 200 ms attempt
 * timeout, 3 s deadline) against a fault-injecting server over real sockets: what it retries, with which
 * keys, how many times, and how each call ends.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, type GeneratedClientOutput, generateE2eClient } from './helpers/client-generated.js';
import { type FaultServer, startFaultServer } from './helpers/fault-server.js';
import {
  cut,
  delay,
  drop,
  type FaultStep,
  inProgress,
  ok,
  reused,
  slowBody,
  status,
} from './helpers/fault-steps.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const PAYMENT = { id: 'pay_1', amount: 4200, currency: 'EUR' };
const NEW_PAYMENT = { body: { amount: 4200, currency: 'EUR' } };

let out: GeneratedClientOutput;
let server: FaultServer | undefined;
beforeAll(async () => {
  out = await generateE2eClient('retries');
});
afterAll(() => out?.remove());
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(script: readonly FaultStep[], otherwise?: FaultStep) {
  server = await startFaultServer({ script, otherwise });
  const reasons: string[] = [];
  const client = out.client.createClient({
    baseUrl: server.url,
    budget: undefined, // the spec's small budget would cut these retries short: tested on its own
    hooks: { onRetry: (event) => reasons.push(event.reason) },
  });
  return { server, client, reasons };
}

describe('generated client: transient faults are retried with one key', () => {
  it.each([
    { fault: 'two dropped connections', script: [drop(), drop()], reasons: ['network', 'network'] },
    {
      fault: '503 with Retry-After: 0, twice',
      script: [status(503, { 'Retry-After': '0' }), status(503, { 'Retry-After': '0' })],
      reasons: ['status', 'status'],
    },
    {
      fault: '409 in progress, twice',
      script: [inProgress(), inProgress()],
      reasons: ['in-progress', 'in-progress'],
    },
    { fault: 'one attempt past the 200 ms timeout', script: [delay(400)], reasons: ['timeout'] },
    {
      fault: 'a 201 cut off mid-body (the server executed, the client lost the answer)',
      script: [cut(ok(201, PAYMENT))],
      reasons: ['network'],
    },
    {
      fault: 'a 201 whose body stalls past the 200 ms timeout',
      script: [slowBody(400, ok(201, PAYMENT))],
      reasons: ['timeout'],
    },
  ])('$fault, then 201', async ({ script, reasons }) => {
    const run = await serve([...script, ok(201, PAYMENT)]);

    const result = await out.client.createPayment(run.client, NEW_PAYMENT);

    if (!result.ok) throw new Error(`expected ok, got ${result.error.message}`);
    const seen = run.server.requests;
    expect(seen).toHaveLength(script.length + 1);
    expect(result.attempts).toBe(script.length + 1);
    expect(result.status).toBe(201);
    expect(result.data).toEqual(PAYMENT);
    expect(run.reasons).toEqual(reasons);
    const key = seen[0]?.idempotencyKey;
    expect(key).toMatch(UUID);
    expect(new Set(seen.map((r) => r.idempotencyKey))).toEqual(new Set([key]));
    expect(result.idempotencyKey).toBe(key);
    expect(new Set(seen.map((r) => r.requestId))).toEqual(new Set([result.correlationId]));
    expect(new Set(seen.map((r) => r.body))).toEqual(new Set([JSON.stringify(NEW_PAYMENT.body)]));
  });

  it('waits as long as retry-after-ms asks', async () => {
    const run = await serve([status(503, { 'retry-after-ms': '150' }), ok(201, PAYMENT)]);

    const result = await out.client.createPayment(run.client, NEW_PAYMENT);

    expect(result.ok && result.attempts).toBe(2);
    const [first, second] = run.server.requests;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(145);
  });

  it('sends a caller-supplied key and X-Request-Id on every attempt', async () => {
    const run = await serve([drop(), status(503), ok(201, PAYMENT)]);

    const result = await out.client.createPayment(run.client, NEW_PAYMENT, {
      idempotencyKey: 'order-42',
      headers: { 'X-Request-Id': 'req-42' },
    });

    expect(result.ok && result.idempotencyKey).toBe('order-42');
    expect(result.ok && result.correlationId).toBe('req-42');
    expect(run.server.requests.map((r) => r.idempotencyKey)).toEqual(['order-42', 'order-42', 'order-42']);
    expect(run.server.requests.map((r) => r.requestId)).toEqual(['req-42', 'req-42', 'req-42']);
  });
});

describe('generated client: how calls end', () => {
  it('ends at once with deadline-exceeded when Retry-After outlives the 3 s deadline', async () => {
    const run = await serve([status(503, { 'Retry-After': '5' })]);
    const started = performance.now();

    const error = failureOf(await out.client.createPayment(run.client, NEW_PAYMENT));

    expect(performance.now() - started).toBeLessThan(1000);
    expect(run.server.requests).toHaveLength(1);
    expect(error.kind).toBe('deadline-exceeded');
    expect(error.kind === 'deadline-exceeded' && error.retryAfterMs).toBe(5000);
    expect(error).toMatchObject({ attempts: 1, retryable: true });
    expect(error.idempotencyKey).toBe(run.server.requests[0]?.idempotencyKey);
    expect(error.correlationId).toBe(run.server.requests[0]?.requestId);
    expect(error.cause).toMatchObject({ kind: 'http', status: 503, retryAfterMs: 5000 });
  });

  it('ends with deadline-exceeded when a per-call deadline cuts a slow attempt', async () => {
    const run = await serve([delay(400)]);

    const error = failureOf(await out.client.createPayment(run.client, NEW_PAYMENT, { maxElapsedMs: 100 }));

    expect(error).toMatchObject({ kind: 'deadline-exceeded', attempts: 1, maxElapsedMs: 100 });
    expect(run.server.requests).toHaveLength(1);
  });

  it.each([
    { limit: 'the spec (4)', maxAttempts: undefined, expected: 4 },
    { limit: 'a lower per-call limit (2)', maxAttempts: 2, expected: 2 },
    { limit: 'a per-call 10, which cannot raise the spec', maxAttempts: 10, expected: 4 },
  ])('stops after $limit attempts of 503', async ({ maxAttempts, expected }) => {
    const run = await serve([], status(503));

    const error = failureOf(
      await out.client.createPayment(run.client, NEW_PAYMENT, { maxAttempts, idempotencyKey: 'k-exhaust' }),
    );

    // 503 is not declared by createPayment: an unexpected status, still transient.
    expect(error).toMatchObject({ kind: 'unexpected-status', status: 503, retryable: true });
    expect(error.attempts).toBe(expected);
    expect(run.server.requests.map((r) => r.idempotencyKey)).toEqual(Array(expected).fill('k-exhaust'));
    expect(run.reasons).toEqual(Array(expected - 1).fill('status'));
  });

  it.each([
    { operation: 'createPayment', retryOn: 'the default retryOn' },
    { operation: 'createTransfer', retryOn: 'a retryOn holding 422' },
  ] as const)('never retries 422 idempotency-key-reused ($operation, $retryOn)', async ({ operation }) => {
    const run = await serve([reused()], ok(201, PAYMENT));

    const error = failureOf(await out.client[operation](run.client, NEW_PAYMENT));

    expect(run.server.requests).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'http', status: 422, retryable: false, attempts: 1 });
    expect(error.kind === 'http' && error.problem?.type).toMatch(/idempotency-key-reused$/);
    expect(error.idempotencyKey).toBe(run.server.requests[0]?.idempotencyKey);
  });

  it('retries another 422 where retryOn holds it (createTransfer)', async () => {
    const run = await serve([status(422), ok(201, PAYMENT)]);

    const result = await out.client.createTransfer(run.client, NEW_PAYMENT);

    expect(result.ok && result.attempts).toBe(2);
    expect(run.reasons).toEqual(['status']);
  });
});

describe('generated client: operations without a header key', () => {
  it('never retries a POST without x-idempotency, even under x-retry', async () => {
    const run = await serve([drop()], ok(201, {}));

    const error = failureOf(await out.client.createNote(run.client, { body: { text: 'hi' } }));

    expect(run.server.requests).toHaveLength(1);
    expect(run.server.requests[0]?.idempotencyKey).toBeUndefined();
    expect(error).toMatchObject({ kind: 'network', attempts: 1 });
    expect(error.idempotencyKey).toBeUndefined();
    expect(run.reasons).toEqual([]);
  });

  it.each([
    { case: 'with its orderId', body: { orderId: 'ord_1', item: 'book' }, key: 'ord_1', requests: 2 },
    { case: 'without it (no key: never retried)', body: { item: 'book' }, key: undefined, requests: 1 },
  ])('retries a POST keyed by an optional body field only $case', async ({ body, key, requests }) => {
    const run = await serve([drop()], ok(201, {}));

    const result = await out.client.createOrder(run.client, { body });

    expect(run.server.requests).toHaveLength(requests);
    expect(run.server.requests.map((r) => r.idempotencyKey)).toEqual(Array(requests).fill(undefined));
    if (key === undefined) expect(failureOf(result)).toMatchObject({ kind: 'network', attempts: 1 });
    else expect(result.ok && result.idempotencyKey).toBe(key);
  });

  it('takes a deterministic key from the body and sends no Idempotency-Key header', async () => {
    const refund = { refundId: 'rf_7', amount: 300 };
    const run = await serve([drop(), status(503)], ok(200, { refundId: 'rf_7', status: 'pending' }));

    const result = await out.client.upsertRefund(run.client, { body: refund });

    if (!result.ok) throw new Error(`expected ok, got ${result.error.message}`);
    expect(result.attempts).toBe(3);
    expect(result.idempotencyKey).toBe('rf_7');
    expect(run.server.requests.map((r) => r.method)).toEqual(['PUT', 'PUT', 'PUT']);
    expect(run.server.requests.map((r) => r.idempotencyKey)).toEqual([undefined, undefined, undefined]);
    expect(new Set(run.server.requests.map((r) => r.requestId))).toEqual(new Set([result.correlationId]));
    expect(new Set(run.server.requests.map((r) => r.body))).toEqual(new Set([JSON.stringify(refund)]));
  });
});
