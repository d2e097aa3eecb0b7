import { describe, expect, it } from 'vitest';
import {
  type CallOptions,
  callOperation,
  createClient,
  isAbortedError,
  isBudgetExhaustedError,
  isDeadlineExceededError,
  isHttpError,
  isTimeoutError,
} from '../../../src/runtime/client/index.js';
import type { AttemptEvent, Jitter, RetryEvent } from '../../../src/runtime/retry/index.js';
import { RetryBudget } from '../../../src/runtime/retry/index.js';
import { FakeClock } from '../../../src/runtime/testing/fake-clock.js';
import { sequenceRandom } from '../../../src/runtime/testing/random.js';
import { drive } from './helpers/drive.js';
import { policy, problem, type Step, scriptedFetch } from './helpers/fake-fetch.js';

const setup = (steps: Step[], options: { random?: number[]; budget?: RetryBudget } = {}) => {
  const clock = new FakeClock(0);
  const { fetch, calls } = scriptedFetch(steps);
  const attempts: AttemptEvent[] = [];
  const retries: RetryEvent[] = [];
  const client = createClient({
    baseUrl: 'https://api.test',
    fetch,
    clock,
    random: sequenceRandom(options.random ?? [0.5]),
    budget: options.budget,
    hooks: { onAttempt: (e) => attempts.push(e), onRetry: (e) => retries.push(e) },
  });
  const start = (overrides: Partial<CallOptions> = {}) =>
    callOperation({
      client,
      method: 'post',
      pathTemplate: '/orders',
      idempotency: { in: 'header', name: 'Idempotency-Key' },
      body: {},
      retry: policy(),
      ...overrides,
    });
  const call = (overrides: Partial<CallOptions> = {}) => drive(clock, start(overrides));
  const delays = () => retries.map((r) => r.delayMs);
  return { clock, calls, attempts, retries, delays, start, call };
};

const ok: Step = { status: 200, body: { ok: true } };

describe('waits between attempts', () => {
  it.each<[Jitter, number[], number[]]>([
    ['none', [0.5], [100, 200, 400]],
    ['full', [0.5, 0.25, 1 / 8], [50, 50, 50]],
    ['equal', [0, 0.5, 1 / 4], [50, 150, 250]],
    ['decorrelated', [0.5, 0.5, 0.5], [200, 350, 575]],
  ])(
    '%s jitter gives exact delays, and the clock moves by exactly their sum',
    async (jitter, random, expected) => {
      const t = setup([{ status: 503 }, { status: 503 }, { status: 503 }, ok], { random });
      const backoff = { initialMs: 100, maxMs: 20_000, multiplier: 2, jitter };
      const result = await t.call({ retry: policy({ maxAttempts: 4, backoff }) });
      expect(result.value?.attempts).toBe(4);
      expect(t.delays()).toEqual(expected);
      expect(t.clock.now()).toBe(expected.reduce((a, b) => a + b, 0));
    },
  );

  it.each([
    ['Retry-After seconds', { 'retry-after': '2' }, 2000],
    ['Retry-After HTTP date', { 'retry-after': new Date(3000).toUTCString() }, 3000],
    ['retry-after-ms', { 'retry-after-ms': '750' }, 750],
  ])('%s replaces the computed delay', async (_name, headers, expected) => {
    const t = setup([{ status: 429, headers }, ok]);
    const result = await t.call();
    expect(result.value?.attempts).toBe(2);
    expect(t.delays()).toEqual([expected]);
    expect(t.clock.now()).toBe(expected);
  });

  it('ignores the hint when respectRetryAfter is false', async () => {
    const t = setup([{ status: 429, headers: { 'retry-after': '2' } }, ok]);
    await t.call({ retry: policy({ respectRetryAfter: false }) });
    expect(t.delays()).toEqual([100]);
  });
});

describe('the deadline', () => {
  it('ends the call at once when a Retry-After hint is longer than the time left, carrying the hint', async () => {
    const t = setup([{ status: 503, headers: { 'retry-after': '10' } }, ok]);
    const { error } = await t.call({ retry: policy({ maxElapsedMs: 5000 }) });
    expect(isDeadlineExceededError(error)).toBe(true);
    expect(error).toMatchObject({ retryAfterMs: 10_000, attempts: 1, retryable: true, maxElapsedMs: 5000 });
    expect(isHttpError((error as Error).cause, 503)).toBe(true);
    expect(t.clock.now()).toBe(0);
    expect(t.calls).toHaveLength(1);
  });

  it('does not start an attempt when the wait would reach the deadline', async () => {
    const t = setup([{ status: 503 }]);
    const backoff = { initialMs: 1000, maxMs: 20_000, multiplier: 2, jitter: 'none' as const };
    const { error } = await t.call({ retry: policy({ maxAttempts: 5, backoff, maxElapsedMs: 2500 }) });
    // t=0 attempt 1, wait 1000, t=1000 attempt 2; the next wait (2000) does not fit in the 1500 left.
    expect(isDeadlineExceededError(error)).toBe(true);
    expect(error).toMatchObject({ attempts: 2, retryAfterMs: undefined });
    expect(t.clock.now()).toBe(1000);
    expect(t.calls).toHaveLength(2);
  });

  it('lets a call lower maxElapsed', async () => {
    const t = setup([{ status: 503 }]);
    const { error } = await t.call({ maxElapsedMs: 150 });
    expect(error).toMatchObject({ attempts: 2 });
    expect(isDeadlineExceededError(error)).toBe(true);
  });

  it('cuts the last attempt short at the deadline', async () => {
    const t = setup([{ hang: 'abortable' }]);
    const { error } = await t.call({
      retry: policy({ maxAttempts: 2, attemptTimeoutMs: 1000, maxElapsedMs: 1500 }),
    });
    // attempt 1 times out at 1000, waits 100, attempt 2 gets min(1000, 400) and hits the deadline at 1500.
    expect(isDeadlineExceededError(error)).toBe(true);
    expect(error).toMatchObject({ attempts: 2 });
    expect((error as Error).cause).toBeUndefined();
    expect(t.retries).toMatchObject([{ attempt: 1, reason: 'timeout', delayMs: 100 }]);
    expect(t.clock.now()).toBe(1500);
  });
});

describe('attempt timeouts', () => {
  it.each([['abortable'], ['forever']] as const)('count a %s hang as timeout and retry it', async (hang) => {
    const t = setup([{ hang }, ok]);
    const result = await t.call({ retry: policy({ attemptTimeoutMs: 1000 }) });
    expect(result.value?.attempts).toBe(2);
    expect(t.retries).toEqual([
      expect.objectContaining({ attempt: 1, reason: 'timeout', delayMs: 100, status: undefined }),
    ]);
    expect(t.clock.now()).toBe(1100);
  });

  it('end with TimeoutError when every attempt times out', async () => {
    const t = setup([{ hang: 'abortable' }]);
    const { error } = await t.call({ retry: policy({ attemptTimeoutMs: 1000 }) });
    expect(isTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ attempts: 3, retryable: true, timeoutMs: 1000 });
  });

  it('are not retried when retryOn leaves timeout out', async () => {
    const t = setup([{ hang: 'abortable' }, ok]);
    const { error } = await t.call({ retry: policy({ attemptTimeoutMs: 1000, retryOn: [503] }) });
    expect(error).toMatchObject({ attempts: 1, retryable: false });
  });
});

describe('aborting', () => {
  it('ends a wait at once', async () => {
    const t = setup([{ status: 503 }]);
    const controller = new AbortController();
    const promise = t.start({
      signal: controller.signal,
      retry: policy({ backoff: { ...policy().backoff, initialMs: 5000 } }),
    });
    await t.clock.advance(1000);
    controller.abort(new Error('user left'));
    const error = await promise.catch((e: unknown) => e);
    expect(isAbortedError(error)).toBe(true);
    expect(error).toMatchObject({ attempts: 1, retryable: false });
    expect((error as Error).cause).toEqual(new Error('user left'));
    expect(t.clock.now()).toBe(1000);
    expect(t.clock.pendingCount).toBe(0);
  });

  it('ends a running attempt at once', async () => {
    const t = setup([{ hang: 'forever' }]);
    const controller = new AbortController();
    const promise = t.start({ signal: controller.signal });
    await t.clock.advance(10);
    controller.abort();
    const error = await promise.catch((e: unknown) => e);
    expect(isAbortedError(error)).toBe(true);
    expect(error).toMatchObject({ attempts: 1 });
    expect(t.clock.pendingCount).toBe(0);
  });

  it('never sends when the signal is already aborted', async () => {
    const t = setup([ok]);
    const { error } = await t.call({ signal: AbortSignal.abort() });
    expect(error).toMatchObject({ attempts: 0 });
    expect(isAbortedError(error)).toBe(true);
    expect(t.calls).toHaveLength(0);
  });
});

describe('what is retried', () => {
  it('retries 409 idempotency-request-in-progress with the same key, even when retryOn omits 409', async () => {
    const t = setup([
      problem(409, 'idempotency-request-in-progress', { 'retry-after': '1' }),
      { status: 201, body: {} },
    ]);
    const result = await t.call({ retry: policy({ retryOn: [503] }) });
    expect(result.value).toMatchObject({ status: 201, attempts: 2 });
    expect(t.retries).toMatchObject([{ attempt: 1, reason: 'in-progress', status: 409, delayMs: 1000 }]);
    const keys = t.calls.map((c) => c.headers.get('idempotency-key'));
    expect(keys).toEqual([result.value?.idempotencyKey, result.value?.idempotencyKey]);
    const ids = t.calls.map((c) => c.headers.get('x-request-id'));
    expect(ids).toEqual([result.value?.correlationId, result.value?.correlationId]);
  });

  it('polls an in-progress answer with the same key past maxAttempts until the stored outcome', async () => {
    const busy = problem(409, 'idempotency-request-in-progress', { 'retry-after-ms': '250' });
    const t = setup([{ throws: new TypeError('reset') }, busy, busy, busy, busy, { status: 201, body: {} }]);
    const result = await t.call({ retry: policy({ maxAttempts: 2 }) });
    expect(result.value).toMatchObject({ status: 201, attempts: 6 });
    expect(t.retries.map((r) => [r.reason, r.delayMs])).toEqual([
      ['network', 100],
      ...Array.from({ length: 4 }, () => ['in-progress', 250]),
    ]);
    expect(t.clock.now()).toBe(100 + 4 * 250);
    expect(new Set(t.calls.map((c) => c.headers.get('idempotency-key')))).toEqual(
      new Set([result.value?.idempotencyKey]),
    );
  });

  it('polls an in-progress answer until the deadline, then ends with deadline-exceeded', async () => {
    const busy = problem(409, 'idempotency-request-in-progress', { 'retry-after': '1' });
    const t = setup([busy]);
    const { error } = await t.call({ retry: policy({ maxAttempts: 2, maxElapsedMs: 3500 }) });
    expect(isDeadlineExceededError(error)).toBe(true);
    // Polls at 0, 1000, 2000 and 3000; a fifth would start at 4000, past the deadline.
    expect(error).toMatchObject({ attempts: 4, retryAfterMs: 1000 });
    expect(t.calls).toHaveLength(4);
  });

  it('does not poll an in-progress answer when maxAttempts is 1 (no retry)', async () => {
    const t = setup([problem(409, 'idempotency-request-in-progress', { 'retry-after': '1' }), ok]);
    const { error } = await t.call({ retry: policy({ maxAttempts: 1 }) });
    expect(error).toMatchObject({ status: 409, attempts: 1, retryAfterMs: 1000 });
    expect(t.calls).toHaveLength(1);
  });

  it('polls an in-progress answer whatever the budget holds, and takes no token for it', async () => {
    const budget = new RetryBudget({ maxTokens: 2, tokenRatio: 0.5 });
    budget.recordFailure();
    expect(budget.canRetry()).toBe(false);
    const busy = problem(409, 'idempotency-request-in-progress', { 'retry-after-ms': '10' });
    const t = setup([busy, busy, busy, ok], { budget });
    const result = await t.call();
    expect(result.value).toMatchObject({ status: 200, attempts: 4 });
    expect(budget.tokens).toBe(1.5);
  });

  it('never retries 422 idempotency-key-reused, even when retryOn lists 4XX', async () => {
    const t = setup([problem(422, 'idempotency-key-reused'), ok]);
    const { error } = await t.call({ retry: policy({ retryOn: ['4XX', 422] }) });
    expect(error).toMatchObject({ status: 422, retryable: false, attempts: 1 });
    expect(t.calls).toHaveLength(1);
  });

  it.each([
    [507, ['5XX'], 2],
    [429, ['5XX'], 1],
    [418, ['4XX'], 2],
    [503, [502, 504], 1],
  ] as const)('%i with retryOn %j makes %i attempt(s)', async (status, retryOn, expected) => {
    const t = setup([{ status }, ok]);
    const result = await t.call({ retry: policy({ retryOn: [...retryOn] }) });
    const attempts = result.ok ? result.value?.attempts : (result.error as { attempts: number }).attempts;
    expect(attempts).toBe(expected);
  });
});

describe('hooks', () => {
  it('see every attempt with the key and every retry with reason, delay and status', async () => {
    const t = setup([{ status: 503 }, { throws: new TypeError('reset') }, ok]);
    const result = await t.call();
    const key = result.value?.idempotencyKey;
    // Every event names the call's correlation id (issue 18: hooks correlate with logs and traces).
    const operation = { method: 'POST', pathTemplate: '/orders', correlationId: result.value?.correlationId };
    expect(t.attempts).toEqual([1, 2, 3].map((attempt) => ({ attempt, key, ...operation })));
    expect(t.retries).toEqual([
      { attempt: 1, reason: 'status', delayMs: 100, status: 503, key, ...operation },
      { attempt: 2, reason: 'network', delayMs: 200, status: undefined, key, ...operation },
    ]);
  });
});

describe('the retry budget', () => {
  it('stops retrying at half, throws BudgetExhaustedError, and recovers with successes', async () => {
    const budget = new RetryBudget({ maxTokens: 4, tokenRatio: 0.5 });
    const failing = setup([{ status: 503 }], { budget });
    const first = await failing.call({ retry: policy({ maxAttempts: 5 }) });
    // 4 -> 3 (retry allowed) -> 2 (at half: stop)
    expect(isBudgetExhaustedError(first.error)).toBe(true);
    expect(first.error).toMatchObject({ attempts: 2, retryable: true });
    expect(isHttpError((first.error as Error).cause, 503)).toBe(true);
    expect(budget.tokens).toBe(2);

    const second = await failing.call({ retry: policy({ maxAttempts: 5 }) });
    expect(second.error).toMatchObject({ attempts: 1 });
    expect(budget.tokens).toBe(1);

    const healthy = setup([ok], { budget });
    for (let i = 0; i < 5; i++) await healthy.call();
    expect(budget.tokens).toBe(3.5);

    const flaky = setup([{ status: 503 }, ok], { budget });
    const third = await flaky.call();
    // 3.5 -> 2.5 on the failure (above half: retry), + 0.5 on the success
    expect(third.value?.attempts).toBe(2);
    expect(budget.tokens).toBe(3);
  });

  it('is left alone by permanent failures', async () => {
    const budget = new RetryBudget({ maxTokens: 4, tokenRatio: 0.5 });
    const t = setup([{ status: 404 }], { budget });
    await t.call();
    expect(budget.tokens).toBe(4);
  });
});
