/**
 * The Node adapter's own request shape (no Web `Request` unless asked): what a handler sees through it
 * must be what it sees through `fetch`: the body, `raw`, the signal, headers, query; over real sockets.
 */
import { createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { toNodeHandler } from '../../../src/runtime/server/adapters/node.js';
import { nodeToCoreRequest, readNodeBody } from '../../../src/runtime/server/adapters/node-core.js';
import { createServerCore } from '../../../src/runtime/server/server-core.js';
import type { Handler, ServerRoute } from '../../../src/runtime/server/types.js';

const route = (operationId: string, method: string, pathTemplate: string): ServerRoute => ({
  operationId,
  method,
  pathTemplate,
  replayHeaders: [],
  requestBodyRequired: false,
  bodyMediaTypes: [],
});

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const logged: string[] = [];

async function serve(routes: ServerRoute[], handlers: Record<string, Handler>): Promise<string> {
  const core = createServerCore({
    routes,
    handlers,
    logger: { error: (entry) => logged.push(entry.message) },
  });
  const server = createServer(toNodeHandler(core));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('toNodeHandler over the core', () => {
  it('gives handlers the body, query, headers and a Web Request as raw (with the body)', async () => {
    let seen: Record<string, unknown> = {};
    const url = await serve([route('echo', 'POST', '/echo/{id}')], {
      echo: async (request) => {
        seen = {
          path: request.path,
          query: request.query,
          header: request.headers['x-custom'],
          body: request.body,
          rawMethod: request.raw.method,
          rawUrl: request.raw.url,
          rawBody: await request.raw.text(),
          rawHeader: request.raw.headers.get('x-custom'),
        };
        return { status: 200, body: { ok: true } };
      },
    });
    const response = await fetch(`${url}/echo/a%20b?x=1&x=2&y=3`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-custom': 'yes' },
      body: 'hello',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('11');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ ok: true });
    expect(seen).toEqual({
      path: { id: 'a b' },
      query: { x: ['1', '2'], y: '3' },
      header: 'yes',
      body: 'hello',
      rawMethod: 'POST',
      rawUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/echo\/a%20b\?x=1&x=2&y=3$/),
      rawBody: 'hello',
      rawHeader: 'yes',
    });
  });

  it('reads a chunked body, and survives a client that goes away mid-body', async () => {
    const url = await serve([route('up', 'POST', '/up')], {
      up: (request) => ({ status: 200, body: { got: request.body } }),
    });
    const { port } = new URL(url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      'POST /up HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\npart',
    );
    socket.destroy();
    const chunks = ['ab', 'cd'].map((text) => new TextEncoder().encode(text));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    const init = { method: 'POST', headers: { 'content-type': 'text/plain' }, body, duplex: 'half' };
    const response = await fetch(`${url}/up`, init as RequestInit);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ got: 'abcd' });
    expect(logged).toEqual([]); // the cut-off upload is the client's doing, not a server failure
  });

  it('answers 204 without a body and a problem with its headers', async () => {
    const url = await serve([route('empty', 'DELETE', '/thing')], { empty: () => ({ status: 204 }) });
    const empty = await fetch(`${url}/thing`, { method: 'DELETE' });
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
    const wrong = await fetch(`${url}/thing`, { method: 'PUT' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('DELETE');
    expect(wrong.headers.get('content-type')).toBe('application/problem+json');
    expect((await wrong.json()).status).toBe(405);
  });
});

describe('nodeToCoreRequest', () => {
  const response = (closed: boolean) => ({
    statusCode: 200,
    closed,
    writableFinished: false,
    setHeader: () => undefined,
    end: () => undefined,
    once: () => undefined,
  });

  it('gives an already aborted signal when the client went away before it was asked for', () => {
    const request = Object.assign(Readable.from([]), { method: 'GET', url: '/', headers: {} });
    const core = nodeToCoreRequest({ request, response: response(true) });
    expect(core.signal.aborted).toBe(true);
    expect(nodeToCoreRequest({ request, response: response(false) }).signal.aborted).toBe(false);
  });

  it('gives the path and query a URL parser gives, for plain targets without one and for the others with one', () => {
    const targets = [
      '/',
      '/payments',
      '/payments?limit=10&ids=1&ids=2',
      '/a/b.json?x=%20y+z&empty=&flag',
      '//other.test/x?y=1',
      '/.well-known/x',
      '/a/./b',
      '/a/../b',
      '/a/%2e%2E/b',
      '/a/.%2e',
      '/a/..?q=1',
      '/a b?c d',
      '/a\\b',
      '/é?ü=1',
      '/a?b=c#frag',
      '/a%2Fb?%41=%42',
      "/~!$&'()*+,;=:@/x",
      'no-slash?a=1',
    ];
    // And random targets from the characters that matter to the decision.
    const alphabet = ['a', '/', '.', '%', '2', 'e', 'E', '?', '=', '&', '+', ' ', '#', '\\', 'é', '~'];
    let seed = 7;
    for (let index = 0; index < 2_000; index++) {
      let target = '/';
      for (let length = 0; length < 8; length++) {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        target += alphabet[seed % alphabet.length];
      }
      targets.push(target);
    }
    for (const target of targets) {
      const request = Object.assign(Readable.from([]), { method: 'GET', url: target, headers: {} });
      const core = nodeToCoreRequest({ request, response: response(false) });
      const expected = new URL(`http://localhost${target.startsWith('/') ? target : `/${target}`}`);
      expect({ target, pathname: core.pathname }).toEqual({ target, pathname: expected.pathname });
      expect({ target, query: [...(core.searchParams ?? [])] }).toEqual({
        target,
        query: [...expected.searchParams],
      });
      expect(core.url.href).toBe(expected.href);
    }
  });

  it('uses a body a framework already read instead of the stream', async () => {
    const request = Object.assign(Readable.from([Buffer.from('ignored')]), {
      method: 'post',
      url: 'no-slash?a=1',
      headers: { 'x-list': ['a', 'b'], ':authority': 'h2' },
    });
    const core = nodeToCoreRequest({ request, response: response(false), body: '{"a":1}' });
    expect(core.method).toBe('POST');
    expect(core.url.pathname).toBe('/no-slash');
    expect(core.headers).toEqual({ 'x-list': 'a, b' });
    expect(new TextDecoder().decode(await core.body())).toBe('{"a":1}');
  });

  it('reads a body in several chunks, through events or through the async iterator', async () => {
    const chunks = () => [Buffer.from('ab'), 'cd', Buffer.from('é')];
    expect(new TextDecoder().decode(await readNodeBody(Readable.from(chunks()) as never))).toBe('abcdé');
    const stream = Readable.from(chunks());
    const iterable = { headers: {}, [Symbol.asyncIterator]: () => stream[Symbol.asyncIterator]() };
    expect(new TextDecoder().decode(await readNodeBody(iterable as never))).toBe('abcdé');
  });

  it('rejects when the stream closes before the body ended', async () => {
    const stream = new Readable({ read() {} });
    stream.push('partial');
    const reading = readNodeBody(stream as never);
    stream.destroy();
    await expect(reading).rejects.toThrow();
  });
});
