import { describe, expect, it } from 'vitest';
import {
  type CallOptions,
  callOperation,
  createClient,
  type HttpError,
  isHttpError,
  isNetworkError,
} from '../../../src/runtime/client/index.js';
import { FakeClock } from '../../../src/runtime/testing/fake-clock.js';
import { sequenceRandom } from '../../../src/runtime/testing/random.js';
import { drive } from './helpers/drive.js';
import { policy, problem, type Step, scriptedFetch } from './helpers/fake-fetch.js';

const setup = (steps: Step[]) => {
  const clock = new FakeClock(0);
  const { fetch, calls } = scriptedFetch(steps);
  const client = createClient({
    baseUrl: 'https://api.test/v1/',
    fetch,
    clock,
    random: sequenceRandom([0.5]),
  });
  const call = (options: Partial<CallOptions> = {}) =>
    drive(
      clock,
      callOperation({
        client,
        method: 'post',
        pathTemplate: '/orders',
        idempotency: { in: 'header', name: 'Idempotency-Key' },
        body: { sku: 'a' },
        retry: policy(),
        ...options,
      }),
    );
  return { clock, calls, client, call };
};

describe('callOperation: the request', () => {
  it('builds the URL, sends JSON, one key and one correlation id, and returns the 2XX result', async () => {
    const { calls, call } = setup([{ status: 201, body: { id: 'o1' }, headers: { location: '/orders/o1' } }]);
    const result = await call({
      method: 'put',
      pathTemplate: '/stores/{storeId}/orders',
      pathParams: { storeId: 'a b/c' },
      query: { tag: ['x', 'y z'], empty: undefined, n: 3 },
      headers: { authorization: 'Bearer t' },
    });
    expect(result.ok).toBe(true);
    const value = result.value!;
    expect(value).toMatchObject({ status: 201, data: { id: 'o1' }, attempts: 1 });
    expect(value.headers.get('location')).toBe('/orders/o1');
    const [sent] = calls;
    expect(sent?.url).toBe('https://api.test/v1/stores/a%20b%2Fc/orders?tag=x&tag=y%20z&n=3');
    expect(sent?.method).toBe('PUT');
    expect(sent?.body).toBe('{"sku":"a"}');
    expect(sent?.headers.get('content-type')).toBe('application/json');
    expect(sent?.headers.get('authorization')).toBe('Bearer t');
    expect(sent?.headers.get('idempotency-key')).toBe(value.idempotencyKey);
    expect(value.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent?.headers.get('x-request-id')).toBe(value.correlationId);
  });

  it('uses the key and the request id that the caller passes', async () => {
    const { calls, call } = setup([{ status: 204 }]);
    const result = await call({ idempotencyKey: 'k-1', headers: { 'x-request-id': 'corr-9' } });
    expect(result.value).toMatchObject({
      status: 204,
      data: undefined,
      idempotencyKey: 'k-1',
      correlationId: 'corr-9',
    });
    expect(calls[0]?.headers.get('idempotency-key')).toBe('k-1');
  });

  it('reports a deterministic key from the body and sends no key header', async () => {
    const { calls, call } = setup([{ status: 200, body: {} }]);
    const result = await call({
      idempotency: { in: 'body', pointer: '/order~1id' },
      body: { 'order/id': 'o-7' },
    });
    expect(result.value?.idempotencyKey).toBe('o-7');
    expect(calls[0]?.headers.has('idempotency-key')).toBe(false);
  });

  it('gives every logical call its own key and correlation id', async () => {
    const { call } = setup([{ status: 200, body: {} }]);
    const a = (await call()).value!;
    const b = (await call()).value!;
    expect(a.idempotencyKey).not.toBe(b.idempotencyKey);
    expect(a.correlationId).not.toBe(b.correlationId);
  });
});

describe('callOperation: errors', () => {
  it('throws HttpError with the parsed problem, typed by status, and does not retry a 404', async () => {
    const { calls, call } = setup([problem(404, 'order-not-found')]);
    const { error } = await call({ method: 'get', idempotency: undefined, body: undefined });
    expect(isHttpError(error, 404)).toBe(true);
    const http = error as HttpError<404>;
    expect(http).toMatchObject({ status: 404, retryable: false, attempts: 1 });
    expect(http.problem).toMatchObject({
      type: 'https://errors.example.test/problems/order-not-found',
      status: 404,
    });
    expect(http.body).toEqual(http.problem);
    expect(http.correlationId).toBe(calls[0]?.headers.get('x-request-id'));
    expect(calls).toHaveLength(1);
  });

  it('keeps a text body as text', async () => {
    const { call } = setup([{ status: 400, text: 'bad things', headers: { 'content-type': 'text/plain' } }]);
    const { error } = await call();
    expect(error).toMatchObject({ status: 400, body: 'bad things', problem: undefined });
  });

  it('turns a rejected fetch into a NetworkError, retried, and reports the cause', async () => {
    const { calls, call } = setup([{ throws: new TypeError('fetch failed') }]);
    const { error } = await call();
    expect(isNetworkError(error)).toBe(true);
    expect(error).toMatchObject({ retryable: true, attempts: 3 });
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(new Set(calls.map((c) => c.headers.get('idempotency-key'))).size).toBe(1);
  });

  it('makes one attempt when the operation has no retry policy', async () => {
    const { calls, call } = setup([{ status: 503 }]);
    const { error } = await call({ retry: undefined });
    expect(error).toMatchObject({ status: 503, retryable: true, attempts: 1 });
    expect(calls).toHaveLength(1);
  });

  it('never retries a POST without an idempotency key, whatever the policy says', async () => {
    const { calls, call } = setup([{ status: 503 }]);
    const { error } = await call({ idempotency: undefined });
    expect(error).toMatchObject({ status: 503, attempts: 1 });
    expect(calls).toHaveLength(1);
  });

  it('lets a call lower maxAttempts but not raise it', async () => {
    const lowered = setup([{ status: 503 }]);
    expect((await lowered.call({ maxAttempts: 2 })).error).toMatchObject({ attempts: 2 });
    const raised = setup([{ status: 503 }]);
    expect((await raised.call({ maxAttempts: 10 })).error).toMatchObject({ attempts: 3 });
  });
});

describe("callOperation: responseAs 'stream'", () => {
  it('a 204 streams as an empty stream; an error status is still read and parsed', async () => {
    const { call } = setup([{ status: 204 }]);
    const empty = await call({ responseAs: 'stream' });
    const data = empty.value!.data as ReadableStream<Uint8Array>;
    expect(data).toBeInstanceOf(ReadableStream);
    expect((await data.getReader().read()).done).toBe(true);
    const failing = setup([problem(404, 'not-found')]);
    const failed = await failing.call({ responseAs: 'stream', retry: undefined });
    const error = failed.error as HttpError;
    expect(isHttpError(error)).toBe(true);
    expect(error.problem?.type).toMatch(/not-found$/);
  });
});
