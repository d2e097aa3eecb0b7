/**
 * The generated server (fixtures/e2e-server/api.yaml) over real sockets on 127.0.0.1, through each adapter:
 * replays, concurrency, key misuse, handler failures, validation and unimplemented operations.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IdempotencyHooks } from '../../src/runtime/idempotency/hooks.js';
import { ADAPTER_NAMES, type RunningServer, startAdapter } from './helpers/server-adapters.js';
import { type GeneratedApi, generateE2eApi } from './helpers/server-generated.js';
import { createPaymentsApp, PAYOUT_SECRET } from './helpers/server-payments-app.js';
import { expectProblem } from './helpers/server-problem.js';

let api: GeneratedApi;
beforeAll(async () => {
  api = await generateE2eApi('adapters');
});
afterAll(() => api?.remove());

const post = (key: string | undefined, body: string, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    ...(key === undefined ? {} : { 'idempotency-key': key }),
    ...headers,
  },
  body,
});

describe.each(ADAPTER_NAMES)('generated server, %s adapter', (name) => {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const start = async (hooks?: IdempotencyHooks) => {
    const app = createPaymentsApp({ generated: api.server, ...(hooks ? { hooks } : {}) });
    server = await startAdapter({ name, core: app.core, generated: api.server });
    const url = server.url;
    return { app, send: (path: string, init?: RequestInit) => fetch(`${url}${path}`, init) };
  };

  it('replays a duplicate: same status, byte-identical body, declared headers, Idempotent-Replayed', async () => {
    const { app, send } = await start();
    const first = await send('/payments', post('dup-1', '{"amount":500,"currency":"EUR"}'));
    const again = await send('/payments', post('dup-1', '{ "currency": "EUR",\n "amount": 500 }'));
    const [a, b] = [new Uint8Array(await first.arrayBuffer()), new Uint8Array(await again.arrayBuffer())];
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(b).toEqual(a);
    expect(JSON.parse(new TextDecoder().decode(a))).toEqual({
      id: 'pay_1',
      status: 'succeeded',
      amount: 500,
      currency: 'EUR',
    });
    expect(first.headers.get('location')).toBe('/payments/pay_1');
    expect(again.headers.get('location')).toBe('/payments/pay_1');
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    // Only declared headers are stored: the undeclared one is sent once, never replayed.
    expect(first.headers.get('x-undeclared')).toBe('x');
    expect(again.headers.get('x-undeclared')).toBeNull();
    // The structured-field form of the same key is the same key.
    const quoted = await send('/payments', post('"dup-1"', '{"amount":500,"currency":"EUR"}'));
    expect(quoted.headers.get('idempotent-replayed')).toBe('true');
    expect(new Uint8Array(await quoted.arrayBuffer())).toEqual(a);
    expect(app.executions()).toBe(1);
    expect(app.payments.size).toBe(1);
  });

  it('50 concurrent requests with one key: one execution, 49 x 409 in-progress with Retry-After', async () => {
    let conflicts = 0;
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { app, send } = await start({
      onConflict: () => {
        if (++conflicts === 49) release();
      },
    });
    app.setGate(gate);
    const body = '{"amount":700,"currency":"USD"}';
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => send('/payments', post('k-50', body))),
    );
    expect(app.executions()).toBe(1);
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    for (const response of responses.filter((r) => r.status === 409)) {
      const retryAfter = Number(response.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 30).toBe(true);
      await expectProblem(response, { status: 409, type: 'idempotency-request-in-progress' });
    }
    const winner = responses.find((r) => r.status === 201)!;
    const after = await send('/payments', post('k-50', body));
    expect(after.headers.get('idempotent-replayed')).toBe('true');
    expect(await after.text()).toBe(await winner.text());
    expect(app.executions()).toBe(1);
  });

  it('50 concurrent requests released early: one execution, the rest 409 or the replay', async () => {
    let conflicts = 0;
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { app, send } = await start({
      onConflict: () => {
        if (++conflicts === 10) release();
      },
    });
    app.setGate(gate);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => send('/payments', post('k-early', '{"amount":9,"currency":"USD"}'))),
    );
    const kinds = responses.map((response) =>
      response.status === 201 && response.headers.get('idempotent-replayed') === 'true'
        ? 'replay'
        : String(response.status),
    );
    expect(app.executions()).toBe(1);
    expect(kinds.filter((kind) => kind === '201')).toHaveLength(1);
    expect(new Set(kinds.filter((kind) => kind !== '201'))).toSatisfy((set: Set<string>) =>
      [...set].every((kind) => kind === '409' || kind === 'replay'),
    );
    expect(kinds.filter((kind) => kind === '409').length).toBeGreaterThanOrEqual(10);
    const bodies = await Promise.all(responses.filter((r) => r.status === 201).map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
  });

  it('a changed body with the same key gets 422 idempotency-key-reused', async () => {
    const { app, send } = await start();
    expect((await send('/payments', post('k-reuse', '{"amount":100,"currency":"EUR"}'))).status).toBe(201);
    const reused = await send('/payments', post('k-reuse', '{"amount":101,"currency":"EUR"}'));
    const { body } = await expectProblem(reused, { status: 422, type: 'idempotency-key-reused' });
    expect(body.title).toMatch(/\S/);
    expect(reused.headers.get('idempotent-replayed')).toBeNull();
    expect(app.executions()).toBe(1);
  });

  it.each([
    { key: undefined, type: 'idempotency-key-missing' },
    { key: 'has spaces inside', type: 'idempotency-key-invalid' },
    { key: 'k'.repeat(256), type: 'idempotency-key-invalid' },
    { key: '"unterminated', type: 'idempotency-key-invalid' },
    { key: '"bad\\escape"', type: 'idempotency-key-invalid' },
  ])('key $key answers 400 $type and the handler does not run', async ({ key, type }) => {
    const { app, send } = await start();
    await expectProblem(await send('/payments', post(key, '{"amount":1,"currency":"EUR"}')), {
      status: 400,
      type,
    });
    expect(app.executions()).toBe(0);
  });

  it('accepts a key of exactly 255 visible ASCII characters', async () => {
    const { app, send } = await start();
    const key = `${'~'.repeat(127)}!${'z'.repeat(127)}`;
    expect((await send('/payments', post(key, '{"amount":1,"currency":"EUR"}'))).status).toBe(201);
    expect(app.executions()).toBe(1);
  });

  it('a handler that throws gets 500 internal-error without its message; instance carries X-Request-Id', async () => {
    const { app, send } = await start();
    const init = post('payout-1', '{"amount":5,"currency":"EUR"}', { 'x-request-id': 'e2e-corr-7' });
    const failed = await send('/payouts', init);
    const { body, text } = await expectProblem(failed, { status: 500, type: 'internal-error' });
    expect(body.instance).toBe('urn:idemgen:request:e2e-corr-7');
    expect(failed.headers.get('x-request-id')).toBe('e2e-corr-7');
    for (const leak of [PAYOUT_SECRET, 'hunter2', 'ledger-db', 'Error:', '    at ']) {
      expect(text).not.toContain(leak);
    }
    expect(app.logs).toHaveLength(1);
    expect(app.logs[0]).toMatchObject({ correlationId: 'e2e-corr-7', operationId: 'createPayout' });
    expect(app.logs[0]!.error).toEqual(new Error(PAYOUT_SECRET));
    // A thrown error releases the key: the same request executes again.
    await expectProblem(await send('/payouts', init), { status: 500, type: 'internal-error' });
    expect(app.payouts()).toBe(2);
  });

  it('an invalid request gets 400 request-validation-failed with pointers; the key stays unused', async () => {
    const { app, send } = await start();
    const invalid = await send('/payments', post('k-valid', '{"amount":0,"currency":"euro"}'));
    const { body } = await expectProblem(invalid, { status: 400, type: 'request-validation-failed' });
    expect(body.errors?.map((error) => error.pointer).sort()).toEqual(['/body/amount', '/body/currency']);
    for (const error of body.errors ?? []) expect(error.message).toMatch(/\S/);
    expect(app.executions()).toBe(0);
    const valid = await send('/payments', post('k-valid', '{"amount":1,"currency":"EUR"}'));
    expect(valid.status).toBe(201);
    expect(valid.headers.get('idempotent-replayed')).toBeNull();
  });

  it('an unimplemented operation answers 501 and server.missing lists it', async () => {
    const { app, send } = await start();
    expect([...app.core.missing].sort()).toEqual(['createCapture', 'createRefund']);
    const response = await send('/payments/pay_1/refunds', post('refund-1', '{"amount":1}'));
    await expectProblem(response, { status: 501, type: 'not-implemented' });
  });
});

describe.each(ADAPTER_NAMES)('generated server on the wire, %s adapter', (name) => {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const start = async () => {
    const app = createPaymentsApp({ generated: api.server });
    server = await startAdapter({ name, core: app.core, generated: api.server });
    const url = server.url;
    return { app, send: (path: string, init?: RequestInit) => fetch(`${url}${path}`, init) };
  };

  it('replays a declared 422 outcome as it was, without running the handler again', async () => {
    const { app, send } = await start();
    const body = '{"amount":2000000,"currency":"EUR"}';
    const refused = await send('/payments', post('k-refused', body));
    const text = await refused.text();
    expect(refused.status).toBe(422);
    expect(JSON.parse(text)).toMatchObject({ type: 'https://e2e.test/over-limit', detail: /refusal 1/ });
    const again = await send('/payments', post('k-refused', body));
    expect(again.status).toBe(422);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.text()).toBe(text);
    expect(app.executions()).toBe(1);
  });

  it('takes JSON sent with a charset parameter', async () => {
    const { app, send } = await start();
    const init = post('k-charset', '{"amount":3,"currency":"GBP"}', {
      'content-type': 'application/json; charset=utf-8',
    });
    expect((await send('/payments', init)).status).toBe(201);
    expect((await send('/payments', init)).headers.get('idempotent-replayed')).toBe('true');
    expect(app.executions()).toBe(1);
  });

  it('answers a body of an undeclared media type with 415 and the accepted types', async () => {
    const { app, send } = await start();
    const init = post('k-text', 'amount=3', { 'content-type': 'text/plain' });
    const response = await send('/payments', init);
    expect(response.headers.get('accept')).toBe('application/json');
    await expectProblem(response, { status: 415, type: 'unsupported-media-type' });
    expect(app.executions()).toBe(0);
  });

  it('takes the correlation id from traceparent', async () => {
    const { send } = await start();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await send(
      '/payouts',
      post('k-trace', '{"amount":1,"currency":"EUR"}', {
        traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
        'x-request-id': 'ignored-when-traceparent-is-valid',
      }),
    );
    const { body } = await expectProblem(response, { status: 500, type: 'internal-error' });
    expect(response.headers.get('x-request-id')).toBe(traceId);
    expect(body.instance).toBe(`urn:idemgen:request:${traceId}`);
  });

  it('answers unknown paths 404 and other methods 405 with Allow, as problems', async () => {
    const { send } = await start();
    if (name !== 'express') {
      // Express hands unmatched paths on to the next middleware (its own 404 page).
      await expectProblem(await send('/nowhere'), { status: 404, type: 'about:blank' });
    }
    const wrongMethod = await send('/payments', { method: 'DELETE' });
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    await expectProblem(wrongMethod, { status: 405, type: 'about:blank' });
  });
});
