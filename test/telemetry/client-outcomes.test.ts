/**
 * The client's spans and metrics for the ways a call ends and the reasons it retries, with the SDK
 * registered globally: the generated client of fixtures/e2e-client/openapi.yaml (4 attempts, 5/10/20 ms
 * backoff, 200 ms attempt timeout, a budget of 4 tokens) against the fault-injecting server on 127.0.0.1.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type GeneratedClientOutput, generateE2eClient } from '../e2e/helpers/client-generated.js';
import { type FaultServer, startFaultServer } from '../e2e/helpers/fault-server.js';
import { delay, type FaultStep, inProgress, ok, status } from '../e2e/helpers/fault-steps.js';
import { type RegisteredSdk, registerSdk } from './helpers/otel-sdk.js';

const PAYMENT = { id: 'pay_1', amount: 4200, currency: 'EUR' };
const NEW_PAYMENT = { body: { amount: 4200, currency: 'EUR' } };

let out: GeneratedClientOutput;
beforeAll(async () => {
  out = await generateE2eClient('telemetry');
});
afterAll(() => out?.remove());

let sdk: RegisteredSdk | undefined;
let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  await sdk?.unregister();
  sdk = undefined;
});

async function serve(script: readonly FaultStep[], otherwise?: FaultStep) {
  sdk = registerSdk();
  server = await startFaultServer({ script, otherwise });
  return sdk;
}

const attemptSpans = (s: RegisteredSdk) =>
  s
    .spans()
    .filter((span) => span.kind === 2)
    .sort((a, b) => Number(a.attributes['retry.attempt']) - Number(b.attributes['retry.attempt']));

describe('telemetry: client outcomes and retry reasons', () => {
  it('a timed-out attempt and an in-progress answer: their reasons on the spans and the counters', async () => {
    const s = await serve([delay(400), inProgress(), ok(201, PAYMENT)]);
    const client = out.client.createClient({ baseUrl: server!.url, budget: undefined });

    const result = await out.client.createPayment(client, NEW_PAYMENT);

    expect(result.ok && result.attempts).toBe(3);
    const [first, second, third] = attemptSpans(s);
    expect(first?.attributes).toMatchObject({ 'error.type': 'timeout', 'retry.reason': 'timeout' });
    expect(second?.attributes).toMatchObject({
      'http.response.status_code': 409,
      'error.type': '409',
      'retry.reason': 'in-progress',
    });
    expect(third?.attributes['http.response.status_code']).toBe(201);
    expect(await s.sum('retry.client.retries', { 'retry.reason': 'timeout' })).toBe(1);
    expect(await s.sum('retry.client.retries', { 'retry.reason': 'in-progress' })).toBe(1);
    expect(await s.count('http.client.request.duration', { 'error.type': 'timeout' })).toBe(1);
    expect(await s.sum('retry.client.calls', { 'retry.outcome': 'success' })).toBe(1);
  }, 30_000);

  it('the retry budget ends a call: budget_exhausted counted, the call span in error', async () => {
    const s = await serve([], status(503, { 'Retry-After': '0' }));
    const client = out.client.createClient({
      baseUrl: server!.url,
      budget: { maxTokens: 2, tokenRatio: 0.5 },
    });

    const result = await out.client.createPayment(client, NEW_PAYMENT);

    expect(!result.ok && result.error.kind).toBe('budget-exhausted');
    expect(await s.sum('retry.client.budget.exhausted')).toBe(1);
    expect(await s.sum('retry.client.calls', { 'retry.outcome': 'budget_exhausted' })).toBe(1);
    const call = s.spans().find((span) => span.kind === 0);
    expect(call?.attributes).toMatchObject({
      'retry.outcome': 'budget_exhausted',
      'error.type': 'budget-exhausted',
    });
    expect(call?.status.code).toBe(2);
  }, 30_000);

  it('a permanent failure: one attempt, the call ends with the status as error.type', async () => {
    const s = await serve([status(400)]);
    const client = out.client.createClient({ baseUrl: server!.url, budget: undefined });

    const result = await out.client.createPayment(client, NEW_PAYMENT);

    expect(result.ok).toBe(false);
    const call = s.spans().find((span) => span.kind === 0);
    expect(call?.attributes).toMatchObject({
      'http.response.status_code': 400,
      'error.type': '400',
      'retry.attempts': 1,
    });
    expect(await s.sum('retry.client.attempts')).toBe(1);
    expect(await s.sum('retry.client.retries')).toBe(0);
  }, 30_000);
});
