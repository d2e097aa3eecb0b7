import { describe, expect, it } from 'vitest';
import { DEFAULT_IDEMPOTENCY } from '../../src/runtime/idempotency/defaults.js';
import { DEFAULT_RETRY_POLICY as DEFAULT_RETRY } from '../../src/runtime/retry/defaults.js';
import { lintFixture, operationOf } from './lint-model.js';

describe('merge root -> path item -> operation', () => {
  const { model } = lintFixture('model-inheritance');

  it('overlays each level field by field, backoff too', () => {
    const op = operationOf(model, 'createOrder');
    expect(op.idempotency).toMatchObject({
      key: { in: 'header', name: 'Idempotency-Key' },
      required: false,
      ttlMs: 48 * 3_600_000,
      inProgressTimeoutMs: 60_000,
      fingerprint: ['method', 'body'],
      scope: ['principal'],
      concurrent: 'wait',
      replay: ['2XX', '4XX'],
      pointer: '/paths/~1orders/post/x-idempotency',
    });
    expect(op.retry).toMatchObject({
      maxAttempts: 5,
      backoff: { initialMs: 200, maxMs: 10_000, multiplier: 2, jitter: 'none' },
      maxElapsedMs: 60_000,
      attemptTimeoutMs: 30_000,
      retryOn: [503, '5XX', 'network'],
      respectRetryAfter: true,
      pointer: '/paths/~1orders/post/x-retry',
    });
    expect(op.retry?.fieldPointers).toEqual({
      maxAttempts: '/x-retry/maxAttempts',
      'backoff/initial': '/x-retry/backoff/initial',
      'backoff/jitter': '/x-retry/backoff/jitter',
      'backoff/max': '/paths/~1orders/x-retry/backoff/max',
      retryOn: '/paths/~1orders/post/x-retry/retryOn',
    });
    expect(op.retrySuppressed).toBeUndefined();
  });

  it('gives PATCH the root and path-item idempotency, with the path item as the nearest pointer', () => {
    const op = operationOf(model, 'updateOrders');
    expect(op.idempotency).toMatchObject({ required: false, ttlMs: 48 * 3_600_000, concurrent: 'reject' });
    expect(op.idempotency?.pointer).toBe('/paths/~1orders/x-idempotency');
    expect(op.retry?.retryOn).toEqual(DEFAULT_RETRY.retryOn);
  });

  it('does not give GET the inherited idempotency, but does give it the retry', () => {
    const op = operationOf(model, 'listOrders');
    expect(op.idempotency).toBeUndefined();
    expect(op.retry?.pointer).toBe('/paths/~1orders/x-retry');
  });

  it('reads the root budget, title, version and first server', () => {
    expect(model.retryBudget).toEqual({ maxTokens: 10, tokenRatio: 0.1, pointer: '/x-retry/budget' });
    expect(model).toMatchObject({
      title: 'Inheritance',
      version: '1.0.0',
      openapi: '3.1',
      serverUrl: 'https://api.example.com/v1',
    });
  });
});

describe('false and true', () => {
  const { model } = lintFixture('model-false-override');
  const rows = [
    { id: 'getA', idempotency: undefined, attempts: undefined, suppressed: undefined },
    { id: 'putA', idempotency: undefined, attempts: DEFAULT_RETRY.maxAttempts, suppressed: undefined },
    { id: 'postB', idempotency: undefined, attempts: 4, suppressed: 'unsafe-without-idempotency' },
    { id: 'postC', idempotency: DEFAULT_IDEMPOTENCY.ttlMs, attempts: 4, suppressed: undefined },
  ];
  it.each(rows)('$id', ({ id, idempotency, attempts, suppressed }) => {
    const op = operationOf(model, id);
    expect(op.idempotency?.ttlMs).toBe(idempotency);
    expect(op.retry?.maxAttempts).toBe(attempts);
    expect(op.retrySuppressed).toBe(suppressed);
  });

  it('true inherits fields from above; an object key replaces the inherited key whole', () => {
    const { model: m } = lintFixture('model-true-inheritance');
    const order = operationOf(m, 'createOrder').idempotency;
    expect(order).toMatchObject({ ttlMs: 12 * 3_600_000, key: { in: 'header', name: 'X-Request-Key' } });
    expect(order?.pointer).toBe('/paths/~1orders/post/x-idempotency');
    const refund = operationOf(m, 'createRefund').idempotency;
    expect(refund).toMatchObject({ ttlMs: 12 * 3_600_000, key: { in: 'header', name: 'X-Refund-Key' } });
  });
});

describe('PUT and DELETE opt in on the operation', () => {
  const { model } = lintFixture('model-put-opt-in');
  it.each([
    { id: 'replaceOrder', ttlMs: undefined },
    { id: 'deleteOrder', ttlMs: 3_600_000 },
    { id: 'updateOrder', ttlMs: 3_600_000 },
    { id: 'touchOrder', ttlMs: 3 * 3_600_000 },
  ])('$id -> ttl $ttlMs', ({ id, ttlMs }) => {
    expect(operationOf(model, id).idempotency?.ttlMs).toBe(ttlMs);
  });
});

describe('compat aliases', () => {
  it('reads x-speakeasy-retries as x-retry', () => {
    const { model } = lintFixture('compat-speakeasy');
    expect(operationOf(model, 'listOrders').retry).toMatchObject({
      backoff: { initialMs: 500, maxMs: 60_000, multiplier: 1.5, jitter: 'full' },
      maxElapsedMs: 3_600_000,
      retryOn: ['5XX', 429, 'network', 'timeout'],
      pointer: '/x-speakeasy-retries',
    });
    expect(operationOf(model, 'replaceOrders').retry?.retryOn).toEqual(['5XX', 429]);
    expect(operationOf(model, 'deleteOrders').retry).toBeUndefined();
    expect(operationOf(model, 'listCustomers').retry).toMatchObject({
      backoff: { initialMs: 1000, maxMs: 60_000 },
      retryOn: [503, 408],
      fieldPointers: expect.objectContaining({
        retryOn: '/paths/~1customers/x-speakeasy-retries/statusCodes',
      }),
    });
  });

  it('reads x-fern-idempotent with the first fern header as the key', () => {
    const { model } = lintFixture('compat-fern');
    const key = { in: 'header', name: 'Idempotency-Token' };
    expect(operationOf(model, 'createPayment').idempotency).toMatchObject({
      key,
      ttlMs: DEFAULT_IDEMPOTENCY.ttlMs,
      pointer: '/paths/~1payments/post/x-fern-idempotent',
    });
    expect(operationOf(model, 'replacePayments').idempotency?.key).toEqual(key);
    expect(operationOf(model, 'updatePayments').idempotency).toBeUndefined();
  });

  it('lets ours win where both forms stand on one node', () => {
    const { model } = lintFixture('compat-shadowed');
    const op = operationOf(model, 'createOrder');
    expect(op.retry).toMatchObject({ maxAttempts: 2, backoff: { initialMs: 100 }, pointer: '/x-retry' });
    expect(op.idempotency).toMatchObject({ ttlMs: 7_200_000, key: DEFAULT_IDEMPOTENCY.key });
  });
});
