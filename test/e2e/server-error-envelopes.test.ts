/**
 * The generated server's `errorBody` option over real sockets: a Stripe-like API shapes every framework
 * error into `{ error: { type, message, param } }` as `application/json`, the status and headers stay, and
 * the generated client reads each as a typed error (never a success).
 */
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdempotencyStore } from '../../src/runtime/idempotency/store.js';
import { createMemoryStore } from '../../src/runtime/idempotency/stores/memory.js';
import type { ErrorBodyShaper } from '../../src/runtime/server/error-body.js';
import type { ServerCoreOptions, ServerLogEntry } from '../../src/runtime/server/types.js';
import { type EnvelopeApi, generateEnvelopeApi, type StripeError } from './helpers/envelope-generated.js';

const STRIPE_TYPES: Record<string, StripeError['error']['type']> = {
  'idempotency-key-missing': 'invalid_request_error',
  'idempotency-key-invalid': 'invalid_request_error',
  'idempotency-key-reused': 'idempotency_error',
  'idempotency-request-in-progress': 'idempotency_error',
  'request-validation-failed': 'invalid_request_error',
  'request-too-large': 'invalid_request_error',
};

/** RFC 9457 problem -> Stripe's envelope; `param` from the first validation error's pointer. */
const toStripe: ErrorBodyShaper = (problem, { slug }) => {
  const errors = problem.errors as { pointer: string }[] | undefined;
  const param = errors?.[0]?.pointer.replace(/^\/(body|query|path|headers)\//, '').replaceAll('/', '.');
  const error: StripeError['error'] = {
    type: (slug && STRIPE_TYPES[slug]) ?? (problem.status === 404 ? 'invalid_request_error' : 'api_error'),
    message: problem.detail ?? problem.title,
    ...(param ? { param } : {}),
    ...(slug ? { code: slug } : {}),
  };
  return { contentType: 'application/json', body: { error } };
};

let api: EnvelopeApi;
beforeAll(async () => {
  api = await generateEnvelopeApi();
}, 120_000);
afterAll(() => api?.remove());

/** A gate the `amount: 4242` charge waits on, so a duplicate arrives while it runs. */
function gate() {
  let open!: () => void;
  let entered!: () => void;
  const opened = new Promise<void>((done) => (open = done));
  const running = new Promise<void>((done) => (entered = done));
  return { opened, running, open, entered };
}

async function listen(options: Partial<Omit<ServerCoreOptions, 'routes' | 'handlers'>> = {}) {
  const logged: ServerLogEntry[] = [];
  const slow = gate();
  const core = api.server.createServer({
    handlers: {
      createCharge: async (request) => {
        const body = request.body as { amount: number; currency: string };
        if (body.amount === 4242) {
          slow.entered();
          await slow.opened;
        }
        return { status: 200, body: { id: `ch_${request.idempotencyKey}`, ...body } };
      },
      getCharge: (request) => {
        if (request.path.charge === 'boom') throw new Error('the ledger exploded');
        const error = { type: 'invalid_request_error', message: 'No such charge.', param: 'charge' };
        return { status: 404, body: { error } };
      },
    },
    logger: { error: (entry) => logged.push(entry) },
    errorBody: toStripe,
    ...options,
  });
  const http = createHttpServer(api.server.toNodeHandler(core));
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const client = api.client.createClient({ baseUrl: url });
  const close = () =>
    new Promise<void>((done) => {
      http.closeAllConnections();
      http.close(() => done());
    });
  return { url, client, logged, slow, close };
}

const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('errorBody: framework errors in the API envelope, read by the generated client', () => {
  it('a reused key is a typed 422 HttpError carrying the envelope, not a success', async () => {
    const server = await listen();
    try {
      const first = await api.client.createCharge(
        server.client,
        { body: { amount: 100, currency: 'usd' } },
        { idempotencyKey: 'key-reused' },
      );
      expect(first).toMatchObject({ ok: true, status: 200, data: { id: 'ch_key-reused', amount: 100 } });
      const second = await api.client.createCharge(
        server.client,
        { body: { amount: 999, currency: 'usd' } },
        { idempotencyKey: 'key-reused' },
      );
      if (second.ok) throw new Error(`a reused key resolved as a success: ${JSON.stringify(second.data)}`);
      const error = second.error;
      expect(error.kind).toBe('http');
      if (error.kind !== 'http') return;
      expect(error.status).toBe(422);
      expect(error.retryable).toBe(false);
      expect(error.headers.get('content-type')).toBe('application/json');
      expect(error.headers.get('problem-type')).toBe('https://idemgen.dev/problems/idempotency-key-reused');
      expect(error.problem).toBeUndefined();
      expect(error.body).toEqual({
        error: { type: 'idempotency_error', message: expect.any(String), code: 'idempotency-key-reused' },
      });
    } finally {
      await server.close();
    }
  });

  it('a validation error is a typed 400 whose envelope names the param', async () => {
    const server = await listen();
    try {
      const result = await api.client.createCharge(server.client, { body: { amount: 0, currency: 'usd' } });
      if (result.ok) throw new Error('an invalid charge resolved as a success');
      expect(result.error).toMatchObject({
        kind: 'http',
        status: 400,
        body: {
          error: { type: 'invalid_request_error', param: 'amount', code: 'request-validation-failed' },
        },
      });
    } finally {
      await server.close();
    }
  });

  it('an in-progress duplicate keeps 409, Retry-After and its type (Problem-Type): the client sees it as retryable', async () => {
    const server = await listen();
    try {
      const running = api.client.createCharge(
        server.client,
        { body: { amount: 4242, currency: 'usd' } },
        { idempotencyKey: 'key-slow' },
      );
      await server.slow.running;
      const duplicate = await api.client.createCharge(
        server.client,
        { body: { amount: 4242, currency: 'usd' } },
        { idempotencyKey: 'key-slow' },
      );
      if (duplicate.ok) throw new Error('a duplicate in flight resolved as a success');
      expect(duplicate.error).toMatchObject({
        kind: 'http',
        status: 409,
        retryable: true,
        body: { error: { type: 'idempotency_error', code: 'idempotency-request-in-progress' } },
      });
      expect(duplicate.error.kind === 'http' && duplicate.error.retryAfterMs).toBeGreaterThan(0);
      server.slow.open();
      expect(await running).toMatchObject({ ok: true, data: { id: 'ch_key-slow' } });
    } finally {
      server.slow.open();
      await server.close();
    }
  });

  it('an error status the operation does not declare is still a failure (unexpected-status), with the envelope', async () => {
    const server = await listen();
    try {
      const result = await api.client.getCharge(server.client, { path: { charge: 'boom' } });
      if (result.ok) throw new Error('a 500 resolved as a success');
      expect(result.error).toMatchObject({
        kind: 'unexpected-status',
        status: 500,
        body: { error: { type: 'api_error', code: 'internal-error' } },
      });
      expect(server.logged.map((entry) => entry.message)).toEqual(['getCharge failed']);
      // The handler's own declared 404 is its body, untouched by errorBody.
      const missing = await api.client.getCharge(server.client, { path: { charge: 'ch_2' } });
      expect(missing).toMatchObject({
        ok: false,
        error: {
          kind: 'http',
          status: 404,
          body: { error: { message: 'No such charge.', param: 'charge' } },
        },
      });
    } finally {
      await server.close();
    }
  });

  it('shapes 400 missing key, 404, 405 (Allow kept), 413, 501 and 503 (Retry-After kept) over plain fetch', async () => {
    const server = await listen();
    const broken = createMemoryStore();
    const down: IdempotencyStore = {
      claim: () => Promise.reject(new Error('store unreachable')),
      complete: (input) => broken.complete(input),
      release: (input) => broken.release(input),
      get: (key) => broken.get(key),
    };
    const outage = await listen({ store: down });
    try {
      const cases: [Response, number, string | undefined][] = [
        [
          await postJson(`${server.url}/v1/charges`, { amount: 1, currency: 'usd' }),
          400,
          'idempotency-key-missing',
        ],
        [await fetch(`${server.url}/v1/nothing`), 404, undefined],
        [await fetch(`${server.url}/v1/charges`, { method: 'DELETE' }), 405, undefined],
        [
          await postJson(
            `${server.url}/v1/charges`,
            { amount: 1, currency: 'x'.repeat(1_100_000) },
            { 'idempotency-key': 'k' },
          ),
          413,
          'request-too-large',
        ],
        [await fetch(`${server.url}/v1/balance`), 501, 'not-implemented'],
        [
          await postJson(
            `${outage.url}/v1/charges`,
            { amount: 1, currency: 'usd' },
            { 'idempotency-key': 'k' },
          ),
          503,
          'dependency-unavailable',
        ],
      ];
      for (const [response, status, slug] of cases) {
        expect({ status: response.status, type: response.headers.get('content-type') }).toEqual({
          status,
          type: 'application/json',
        });
        const body = (await response.json()) as StripeError;
        expect(body.error.message).toEqual(expect.any(String));
        expect(body.error.code).toBe(slug);
        expect(response.headers.get('problem-type')).toBe(
          slug ? `https://idemgen.dev/problems/${slug}` : null,
        );
        expect(response.headers.get('x-request-id')).toEqual(expect.any(String));
      }
      expect(cases[2]?.[0].headers.get('allow')).toBe('POST');
      expect(Number(cases[5]?.[0].headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await server.close();
      await outage.close();
    }
  });

  it('keeps RFC 9457 without the option, when it answers undefined, and (logged) when it throws', async () => {
    const plain = await listen({ errorBody: undefined });
    const some = await listen({
      errorBody: (problem, context) => (context.slug ? undefined : toStripe(problem, context)),
    });
    const failing = await listen({
      errorBody: () => {
        throw new Error('shaper bug');
      },
    });
    try {
      const missingKey = { amount: 1, currency: 'usd' };
      for (const url of [plain.url, some.url, failing.url]) {
        const response = await postJson(`${url}/v1/charges`, missingKey);
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect(response.headers.get('problem-type')).toBeNull();
        expect(await response.json()).toMatchObject({
          type: 'https://idemgen.dev/problems/idempotency-key-missing',
        });
      }
      // The same shaper still shapes 404 (no slug).
      const notFound = await fetch(`${some.url}/v1/nothing`);
      expect(notFound.headers.get('content-type')).toBe('application/json');
      expect(failing.logged.map((entry) => [entry.message, (entry.error as Error).message])).toEqual([
        ['errorBody failed', 'shaper bug'],
      ]);
      expect(plain.logged).toEqual([]);
    } finally {
      await plain.close();
      await some.close();
      await failing.close();
    }
  });
});
