import { describe, expect, it } from 'vitest';
import { createServerCore } from '../../../src/runtime/server/server-core.js';
import type { ServerCoreOptions, ServerRoute } from '../../../src/runtime/server/types.js';
import { ORDER_CONTRACT } from './fixture.js';

const BASE = 'http://api.test';

const route = (partial: Partial<ServerRoute> & Pick<ServerRoute, 'operationId' | 'pathTemplate'>) =>
  ({
    method: 'POST',
    replayHeaders: [],
    requestBodyRequired: false,
    bodyMediaTypes: ['application/json'],
    ...partial,
  }) satisfies ServerRoute;

const ROUTES: ServerRoute[] = [
  route({ operationId: 'upload', pathTemplate: '/uploads' }),
  route({ operationId: 'small', pathTemplate: '/small', maxBodyBytes: 16 }),
  route({ operationId: 'large', pathTemplate: '/large', maxBodyBytes: 4096 }),
  route({ operationId: 'createOrder', pathTemplate: '/orders', idempotency: ORDER_CONTRACT }),
];

/** A request body that counts the bytes pulled from it; `end: false` never ends. */
function countingBody(input: { chunk: number; chunks: number; end?: boolean }) {
  let pulled = 0;
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === input.chunks) {
        if (input.end !== false) controller.close();
        return new Promise<void>(() => {});
      }
      sent++;
      pulled += input.chunk;
      controller.enqueue(new Uint8Array(input.chunk).fill(0x20));
      return undefined;
    },
  });
  return { stream, pulled: () => pulled };
}

function createCore(options: Partial<ServerCoreOptions> = {}) {
  const seen: unknown[] = [];
  const handler = (request: { body: unknown }) => {
    seen.push(request.body);
    return { status: 200, body: { ok: true } };
  };
  const core = createServerCore({
    routes: ROUTES,
    handlers: { upload: handler, small: handler, large: handler, createOrder: handler },
    ...options,
  });
  return { core, seen };
}

const post = (path: string, body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);

describe('request-body limit', () => {
  it('answers 413 request-too-large for a body over the default 1 MiB, reading no more than the limit', async () => {
    const { core, seen } = createCore();
    const body = countingBody({ chunk: 64 * 1024, chunks: 800 });
    const response = await core.fetch(post('/uploads', body.stream));
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({
      type: 'https://idemgen.dev/problems/request-too-large',
      title: 'Request too large',
      status: 413,
      maxBodyBytes: 1_048_576,
    });
    // The reader stopped at the first chunk past the limit (plus what the stream had queued).
    expect(body.pulled()).toBeLessThanOrEqual(1_048_576 + 3 * 64 * 1024);
    expect(seen).toEqual([]);
  });

  it('answers 413 at once from a declared Content-Length, without reading a body that never ends', async () => {
    const { core } = createCore({ maxBodyBytes: 1000 });
    const body = countingBody({ chunk: 10, chunks: 0, end: false });
    const response = await core.fetch(post('/uploads', body.stream, { 'content-length': '1001' }));
    expect(response.status).toBe(413);
    expect(body.pulled()).toBe(0);
  });

  it('accepts a body of exactly the limit', async () => {
    const { core, seen } = createCore({ maxBodyBytes: 20 });
    const text = JSON.stringify({ a: 'x'.repeat(12) });
    expect(text.length).toBe(20);
    expect((await core.fetch(post('/uploads', text))).status).toBe(200);
    expect((await core.fetch(post('/uploads', `${text} `))).status).toBe(413);
    expect(seen).toHaveLength(1);
  });

  it("the operation's own limit wins over the server's", async () => {
    const { core } = createCore({ maxBodyBytes: 100 });
    const body = JSON.stringify({ text: 'y'.repeat(200) });
    expect((await core.fetch(post('/uploads', body))).status).toBe(413);
    expect((await core.fetch(post('/large', body))).status).toBe(200);
    const small = await core.fetch(post('/small', '{"text":"hello world"}'));
    expect(small.status).toBe(413);
    expect(await small.json()).toMatchObject({ maxBodyBytes: 16 });
  });

  it('rejects a non-positive or non-integer maxBodyBytes', () => {
    expect(() => createCore({ maxBodyBytes: 0 })).toThrow(TypeError);
    expect(() => createCore({ maxBodyBytes: 1.5 })).toThrow(TypeError);
  });
});

describe('requests refused before their body is read', () => {
  const neverEnding = () => countingBody({ chunk: 10, chunks: 0, end: false });

  it('a missing idempotency key: 400 while the body is still being sent', async () => {
    const { core } = createCore();
    const body = neverEnding();
    const response = await core.fetch(post('/orders', body.stream, { 'content-length': '100' }));
    expect(response.status).toBe(400);
    expect((await response.json()).type).toBe('https://idemgen.dev/problems/idempotency-key-missing');
    expect(body.pulled()).toBe(0);
  });

  it('an invalid idempotency key: 400 without reading', async () => {
    const { core } = createCore();
    const body = neverEnding();
    const headers = { 'content-length': '100', 'idempotency-key': 'bad key' };
    const response = await core.fetch(post('/orders', body.stream, headers));
    expect((await response.json()).type).toBe('https://idemgen.dev/problems/idempotency-key-invalid');
    expect(body.pulled()).toBe(0);
  });

  it('an unknown route (404) or method (405) without reading', async () => {
    const { core } = createCore();
    const missing = neverEnding();
    expect((await core.fetch(post('/nowhere', missing.stream))).status).toBe(404);
    const wrongMethod = neverEnding();
    const response = await core.fetch(
      new Request(`${BASE}/uploads`, {
        method: 'PUT',
        body: wrongMethod.stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(405);
    expect(missing.pulled() + wrongMethod.pulled()).toBe(0);
  });

  it('an unsupported media type, when the request declares a body, without reading', async () => {
    const { core } = createCore();
    const body = neverEnding();
    const headers = { 'content-type': 'application/xml', 'content-length': '100' };
    const response = await core.fetch(post('/uploads', body.stream, headers));
    expect(response.status).toBe(415);
    expect((await response.json()).accepted).toEqual(['application/json']);
    expect(body.pulled()).toBe(0);
  });
});
