import { request as httpRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerCore } from '../../../src/runtime/server/server-core.js';
import type { ServerRoute } from '../../../src/runtime/server/types.js';
import { ORDER_CONTRACT } from './fixture.js';
import { ADAPTERS, type RunningServer } from './servers.js';

const route = (operationId: string, pathTemplate: string, bodyMediaTypes: string[]): ServerRoute => ({
  operationId,
  method: 'POST',
  pathTemplate,
  replayHeaders: [],
  requestBodyRequired: false,
  bodyMediaTypes,
});

const ROUTES: ServerRoute[] = [
  route('blob', '/blobs', ['application/octet-stream']),
  // Not JSON, so that express.json() in front of the Express adapter leaves the stream to the core.
  { ...route('createOrder', '/orders', ['application/octet-stream']), idempotency: ORDER_CONTRACT },
  route('note', '/notes', ['application/json']),
];

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  /** Bytes the client had written when the answer came. */
  written: number;
}

/**
 * Sends a request whose body never ends (64 KiB chunks while the socket takes them, or nothing when
 * `chunks` is false) and resolves with the answer; the upload is cut off then.
 */
function sendEndless(input: {
  url: string;
  path: string;
  headers: Record<string, string>;
  chunks?: boolean;
}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const request = httpRequest(`${input.url}${input.path}`, { method: 'POST', headers: input.headers });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = (): void => {
      while (!answered && input.chunks !== false) {
        written += chunk.byteLength;
        if (!request.write(chunk)) {
          request.once('drain', pump);
          return;
        }
      }
    };
    request.on('response', (response) => {
      answered = true;
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => {
        request.destroy();
        const text = Buffer.concat(parts).toString('utf8');
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: JSON.parse(text),
          written,
        });
      });
    });
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    request.flushHeaders();
    pump();
  });
}

describe.each(Object.keys(ADAPTERS))('body limit through %s, over a socket', (adapter) => {
  let server: RunningServer;
  beforeAll(async () => {
    const core = createServerCore({
      routes: ROUTES,
      handlers: {
        blob: () => ({ status: 204 }),
        createOrder: () => ({ status: 201 }),
        note: (request) => ({ status: 200, body: request.body }),
      },
      maxBodyBytes: 100_000,
    });
    server = await ADAPTERS[adapter]!(core);
  });
  afterAll(() => server.close());

  it('a chunked upload past the limit is answered 413 while it is still being sent', async () => {
    const answer = await sendEndless({
      url: server.url,
      path: '/blobs',
      headers: { 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' },
    });
    expect(answer.status).toBe(413);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.headers.connection).toBe('close');
    expect(answer.body).toMatchObject({ title: 'Request too large', maxBodyBytes: 100_000 });
    // The server stopped at the limit: the client did not get to send megabytes first.
    expect(answer.written).toBeLessThan(20 * 1024 * 1024);
  });

  it('a declared Content-Length past the limit is answered 413 before any of the body is sent', async () => {
    const answer = await sendEndless({
      url: server.url,
      path: '/blobs',
      headers: { 'content-type': 'application/octet-stream', 'content-length': '50000000' },
      chunks: false,
    });
    expect(answer.status).toBe(413);
    expect(answer.written).toBe(0);
  });

  it('a missing idempotency key is answered 400 before the body is read', async () => {
    const answer = await sendEndless({
      url: server.url,
      path: '/orders',
      headers: { 'content-type': 'application/octet-stream', 'content-length': '90000' },
      chunks: false,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.type).toBe('https://idemgen.dev/problems/idempotency-key-missing');
  });

  it('a body within the limit is served', async () => {
    const response = await fetch(`${server.url}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'n'.repeat(50_000) }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { text: string }).text).toHaveLength(50_000);
  });
});

describe('a body that Express already parsed', () => {
  it('is held to the limit too (re-serialized JSON over maxBodyBytes is 413)', async () => {
    const core = createServerCore({
      routes: ROUTES,
      handlers: { note: (request) => ({ status: 200, body: request.body }) },
      maxBodyBytes: 1000,
    });
    const server = await ADAPTERS.express!(core);
    try {
      const send = (text: string) =>
        fetch(`${server.url}/notes`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text }),
        });
      const over = await send('n'.repeat(5000));
      expect(over.status).toBe(413);
      expect(((await over.json()) as { maxBodyBytes: number }).maxBodyBytes).toBe(1000);
      expect((await send('short')).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('a deep body that Express already parsed', () => {
  it('is answered 400 (re-serializing it overflowed JSON.stringify and answered an empty 500)', async () => {
    const core = createServerCore({
      routes: ROUTES,
      handlers: { note: () => ({ status: 200 }) },
      maxBodyBytes: 200_000,
    });
    const server = await ADAPTERS.express!(core);
    try {
      const depth = 49_000; // under express.json()'s 100 kb
      const response = await fetch(`${server.url}/notes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `${'['.repeat(depth)}${']'.repeat(depth)}`,
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { errors: { message: string }[] }).errors[0]?.message).toBe(
        'is nested deeper than 64 levels',
      );
    } finally {
      await server.close();
    }
  });
});
