/**
 * The generated client's controls over real sockets: an AbortSignal ending a call during a wait or an
 * attempt, the retry hooks (what they are told, how often), and the client-wide retry budget.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptEvent, RetryEvent } from '../../src/runtime/retry/types.js';
import { failureOf, type GeneratedClientOutput, generateE2eClient } from './helpers/client-generated.js';
import { type FaultServer, startFaultServer } from './helpers/fault-server.js';
import { delay, drop, type FaultStep, inProgress, ok, status } from './helpers/fault-steps.js';

const PAYMENT = { id: 'pay_1', amount: 4200, currency: 'EUR' };
const NEW_PAYMENT = { body: { amount: 4200, currency: 'EUR' } };

let out: GeneratedClientOutput;
let server: FaultServer | undefined;
beforeAll(async () => {
  out = await generateE2eClient('control');
});
afterAll(() => out?.remove());
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(script: readonly FaultStep[], otherwise?: FaultStep): Promise<FaultServer> {
  server = await startFaultServer({ script, otherwise });
  return server;
}

describe('generated client: AbortSignal', () => {
  it('ends the call promptly with aborted during a Retry-After wait of 2 s', async () => {
    const faults = await serve([status(503, { 'Retry-After': '2' })]);
    const controller = new AbortController();
    let onRetry: (event: RetryEvent) => void = () => undefined;
    const retried = new Promise<RetryEvent>((resolve) => {
      onRetry = resolve;
    });
    const client = out.client.createClient({ baseUrl: faults.url, budget: undefined, hooks: { onRetry } });

    const call = out.client.createPayment(client, NEW_PAYMENT, { signal: controller.signal });
    expect(await retried).toMatchObject({ reason: 'status', status: 503, delayMs: 2000 });
    const abortedAt = performance.now();
    controller.abort(new Error('caller gave up'));
    const error = failureOf(await call);

    expect(performance.now() - abortedAt).toBeLessThan(100);
    expect(error).toMatchObject({ kind: 'aborted', attempts: 1, retryable: false });
    expect(error.cause).toEqual(new Error('caller gave up'));
    expect(error.idempotencyKey).toBe(faults.requests[0]?.idempotencyKey);
    expect(faults.requests).toHaveLength(1);
  });

  it('ends an attempt in flight with aborted, not timeout, and does not retry it', async () => {
    const faults = await serve([delay(1000, ok(201, PAYMENT))]);
    const controller = new AbortController();
    const client = out.client.createClient({ baseUrl: faults.url, budget: undefined });

    const call = out.client.createPayment(client, NEW_PAYMENT, { signal: controller.signal });
    await faults.waitForRequests(1);
    const abortedAt = performance.now();
    controller.abort();
    const error = failureOf(await call);

    expect(performance.now() - abortedAt).toBeLessThan(100);
    expect(error).toMatchObject({ kind: 'aborted', attempts: 1 });
    expect(faults.requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const faults = await serve([]);
    const client = out.client.createClient({ baseUrl: faults.url, budget: undefined });

    const error = failureOf(
      await out.client.createPayment(client, NEW_PAYMENT, { signal: AbortSignal.abort() }),
    );

    expect(error).toMatchObject({ kind: 'aborted', attempts: 0 });
    expect(faults.requests).toHaveLength(0);
  });
});

describe('generated client: hooks', () => {
  it('tells client and per-call hooks of each attempt and each retry, with reason and delay', async () => {
    const faults = await serve([drop(), status(503), inProgress('0'), ok(201, PAYMENT)]);
    const attempts: (AttemptEvent & { correlationId?: string })[] = [];
    const retries: RetryEvent[] = [];
    const perCall = { attempts: 0, retries: 0 };
    const client = out.client.createClient({
      baseUrl: faults.url,
      budget: undefined,
      hooks: { onAttempt: (e) => attempts.push(e), onRetry: (e) => retries.push(e) },
    });

    const result = await out.client.createPayment(client, NEW_PAYMENT, {
      hooks: { onAttempt: () => perCall.attempts++, onRetry: () => perCall.retries++ },
    });

    expect(result.ok && result.attempts).toBe(4);
    const key = faults.requests[0]?.idempotencyKey;
    // One correlation id for the whole call, on every event (the trace id when a span is active).
    const correlationId = attempts[0]?.correlationId;
    expect(correlationId).toMatch(/^[0-9a-f-]{32,36}$/);
    const operation = { method: 'POST', pathTemplate: '/payments', key, correlationId };
    expect(attempts).toEqual([1, 2, 3, 4].map((attempt) => ({ attempt, ...operation })));
    // Delays: backoff 5 ms then 10 ms (no jitter); the 409's Retry-After: 0 replaces the third (20 ms).
    expect(retries).toEqual([
      { attempt: 1, reason: 'network', delayMs: 5, status: undefined, ...operation },
      { attempt: 2, reason: 'status', delayMs: 10, status: 503, ...operation },
      { attempt: 3, reason: 'in-progress', delayMs: 0, status: 409, ...operation },
    ]);
    expect(perCall).toEqual({ attempts: 4, retries: 3 });
    expect(faults.requests).toHaveLength(4);
  });
});

describe('generated client: the retry budget (root x-retry.budget)', () => {
  it('reads { maxTokens: 4, tokenRatio: 0.5 } from the spec and exports it as retryBudget', () => {
    expect(out.budget).toEqual({ maxTokens: 4, tokenRatio: 0.5 });
    expect(out.client.retryBudget).toEqual(out.budget);
  });

  it('the generated createClient applies it by default: stops retrying at half or less, recovers after successes', async () => {
    // Requests 1-2: call 1 (503, 503); 3: call 2 (503); 4-8: five successes; 9-10: call 8 (503, 201).
    const script = [status(503), status(503), status(503), ...Array(5).fill(ok(201, PAYMENT)), status(503)];
    const faults = await serve(script, ok(201, PAYMENT));
    const client = out.client.createClient({ baseUrl: faults.url });
    const tokens = () => client.budget?.tokens;

    // 4 tokens: the first failure leaves 3 (> 2, retry), the second 2 (not > 2): budget-exhausted.
    const first = failureOf(await out.client.createPayment(client, NEW_PAYMENT));
    expect(first).toMatchObject({ kind: 'budget-exhausted', attempts: 2, retryable: true });
    expect(first.cause).toMatchObject({ kind: 'http', status: 503 });
    expect(first.idempotencyKey).toBe(faults.requests[0]?.idempotencyKey);
    expect(tokens()).toBe(2);

    // The next call gets one attempt only.
    const second = failureOf(await out.client.createPayment(client, NEW_PAYMENT));
    expect(second).toMatchObject({ kind: 'budget-exhausted', attempts: 1 });
    expect(tokens()).toBe(1);
    expect(faults.requests).toHaveLength(3);

    // Each success gives back 0.5: five bring the bucket to 3.5, so a failure (2.5 left) is retried again.
    for (let i = 0; i < 5; i++) expect((await out.client.createPayment(client, NEW_PAYMENT)).ok).toBe(true);
    expect(tokens()).toBe(3.5);
    const recovered = await out.client.createPayment(client, NEW_PAYMENT);
    expect(recovered.ok && recovered.attempts).toBe(2);
    expect(faults.requests).toHaveLength(10);
  });

  it('a client created with budget: undefined opts out and retries every call in full', async () => {
    const faults = await serve([], status(503));
    const client = out.client.createClient({ baseUrl: faults.url, budget: undefined });

    for (let call = 1; call <= 2; call++) {
      const error = failureOf(await out.client.createPayment(client, NEW_PAYMENT));
      expect(error).toMatchObject({ kind: 'unexpected-status', attempts: 4 });
    }
    expect(faults.requests).toHaveLength(8);
  });
});
