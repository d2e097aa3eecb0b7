/**
 * Issue 15, content negotiation (fixtures/content-negotiation), end to end over a socket on 127.0.0.1: the
 * generated client's `Accept` as sent, the generated server's 406 problem, a representation map picked by
 * `Accept`, and a 406'd idempotent POST that does not consume its key.
 */
import { rmSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, ClientOptions } from '../../src/runtime/client/types.js';
import type { toNodeHandler } from '../../src/runtime/server/adapters/node.js';
import type { Handler, ServerCore, ServerCoreOptions } from '../../src/runtime/server/types.js';
import { generateBoth } from './helpers/generate-both.js';

type Result =
  | { ok: true; status: number; data: unknown; headers: Headers }
  | { ok: false; error: { kind: string; status?: number; body?: unknown } };
type Call = (client: Client, input?: unknown, options?: Record<string, unknown>) => Promise<Result>;

interface GeneratedServer {
  createServer(options: Omit<ServerCoreOptions, 'routes'>): ServerCore;
  toNodeHandler: typeof toNodeHandler;
}
interface GeneratedClient {
  createClient(options: ClientOptions): Client;
  getReport: Call;
  getGreeting: Call;
  getInvoicePdf: Call;
  createExport: Call;
  getHealth: Call;
}

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xff, 0x00]);
const report = (id: string) => ({ id, rows: [['a', 'b']] });

let outDir: string;
let client: GeneratedClient;
let url: string;
let close: () => Promise<void>;
let exports = 0;
const seenMediaTypes: unknown[] = [];

const handlers: Record<string, Handler> = {
  // A map of representations: the server sends the one the request's Accept prefers.
  getReport: (request) => {
    seenMediaTypes.push(request.responseMediaType);
    const id = String(request.path.id);
    return { status: 200, content: { 'application/json': report(id), 'text/csv': `id,rows\n${id},a b\n` } };
  },
  getGreeting: () => ({
    status: 200,
    body: 'hello',
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  }),
  getInvoicePdf: () => ({ status: 200, body: PDF, headers: { 'content-type': 'application/pdf' } }),
  // The other way: the handler reads the negotiated type and answers in it.
  createExport: (request) => {
    exports++;
    const name = String((request.body as { name: string }).name);
    return request.responseMediaType === 'text/csv'
      ? { status: 201, body: `id,rows\n${name},\n`, headers: { 'content-type': 'text/csv' } }
      : { status: 201, body: report(name) };
  },
  getHealth: () => ({ status: 204 }),
};

beforeAll(async () => {
  outDir = await generateBoth(resolve('fixtures/content-negotiation/openapi.yaml'), 'content-negotiation-');
  const server = (await import(pathToFileURL(join(outDir, 'server/index.ts')).href)) as GeneratedServer;
  client = (await import(pathToFileURL(join(outDir, 'client/index.ts')).href)) as GeneratedClient;
  const core = server.createServer({ handlers, validateResponses: true });
  const http = createHttpServer(server.toNodeHandler(core));
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  close = () =>
    new Promise<void>((done) => {
      http.closeAllConnections();
      http.close(() => done());
    });
}, 120_000);
afterAll(async () => {
  await close?.();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** A client whose fetch records the Accept header of each request. */
function recordingClient(headers?: Record<string, string>) {
  const accepts: (string | null)[] = [];
  const api = client.createClient({
    baseUrl: url,
    ...(headers ? { headers } : {}),
    fetch: (input, init) => {
      accepts.push(new Headers(init.headers).get('accept'));
      return fetch(input, init);
    },
  });
  return { api, accepts };
}

/** A GET with exactly these headers (fetch would add `accept: *\/*` of its own). */
function rawGet(path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; contentType: string | undefined; body: string }>((done, fail) => {
    const req = httpRequest(`${url}${path}`, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], body }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

describe('the client', () => {
  it("sends the operation's declared response types, then application/problem+json", async () => {
    const { api, accepts } = recordingClient();
    await client.getReport(api, { path: { id: 'r1' } });
    await client.getGreeting(api);
    await client.getInvoicePdf(api, { path: { id: 'i1' } });
    await client.createExport(api, { body: { name: 'e0' } });
    await client.getHealth(api);
    expect(accepts).toEqual([
      'application/json, text/csv, application/problem+json',
      'text/plain; charset=utf-8, application/problem+json',
      'application/pdf, application/problem+json',
      'application/json, text/csv, application/problem+json',
      // No response content declared: the default.
      'application/json, application/problem+json',
    ]);
  });

  it("lets the caller's Accept win, and the client's own default headers too", async () => {
    const own = recordingClient();
    await client.getReport(own.api, { path: { id: 'r1' } }, { headers: { accept: 'text/csv' } });
    expect(own.accepts).toEqual(['text/csv']);
    const wide = recordingClient({ Accept: 'application/json' });
    await client.getReport(wide.api, { path: { id: 'r1' } });
    expect(wide.accepts).toEqual(['application/json']);
  });

  it('reads each declared type as the spec says: JSON parsed, text a string, a PDF a Blob', async () => {
    const { api } = recordingClient();
    const json = await client.getReport(api, { path: { id: 'r1' } });
    expect(json).toMatchObject({ ok: true, status: 200, data: report('r1') });
    const text = await client.getGreeting(api);
    expect(text).toMatchObject({ ok: true, data: 'hello' });
    const pdf = await client.getInvoicePdf(api, { path: { id: 'i1' } });
    const blob = (pdf as { data: Blob }).data;
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.type).toBe('application/pdf');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(PDF);
  });
});

describe('the server', () => {
  it('picks from a representation map by Accept, and tells the handler what it negotiated', async () => {
    seenMediaTypes.length = 0;
    const { api } = recordingClient();
    const csv = await client.getReport(api, { path: { id: 'r2' } }, { headers: { accept: 'text/csv' } });
    expect(csv).toMatchObject({ ok: true, data: 'id,rows\nr2,a b\n' });
    expect((csv as { headers: Headers }).headers.get('content-type')).toBe('text/csv');
    const weighed = await rawGet('/reports/r3', { accept: 'application/json;q=0.4, text/*;q=0.8' });
    expect(weighed).toMatchObject({ status: 200, contentType: 'text/csv', body: 'id,rows\nr3,a b\n' });
    const none = await rawGet('/reports/r4', {});
    expect(none).toMatchObject({ status: 200, contentType: 'application/json' });
    expect(JSON.parse(none.body)).toEqual(report('r4'));
    expect(seenMediaTypes).toEqual(['text/csv', 'text/csv', 'application/json']);
  });

  it('answers 406 as a problem listing the available types when Accept takes none', async () => {
    const refused = await rawGet('/reports/r1', { accept: 'application/xml, text/csv;q=0' });
    expect(refused.status).toBe(406);
    expect(refused.contentType).toBe('application/problem+json');
    expect(JSON.parse(refused.body)).toMatchObject({
      type: expect.stringMatching(/\/not-acceptable$/),
      status: 406,
      title: 'Not acceptable',
      available: ['application/json', 'text/csv'],
    });
    const { api } = recordingClient();
    const result = await client.getGreeting(api, undefined, { headers: { accept: 'application/json' } });
    // 406 is not declared by the operation: the client reports it as an unexpected status.
    expect(result).toMatchObject({ ok: false, error: { kind: 'unexpected-status', status: 406 } });
  });

  it('never answers 406 without an Accept header, to */*, or for an operation without content', async () => {
    expect((await rawGet('/invoices/i1.pdf', {})).status).toBe(200);
    expect((await rawGet('/invoices/i1.pdf', { accept: 'text/html, */*;q=0.1' })).status).toBe(200);
    expect((await rawGet('/health', { accept: 'image/png' })).status).toBe(204);
  });

  it("does not consume a 406'd idempotent POST's key: the retry with an acceptable Accept runs once", async () => {
    const before = exports;
    const key = `neg-${Date.now()}`;
    const post = (accept: string) =>
      fetch(`${url}/exports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key, accept },
        body: JSON.stringify({ name: 'e1' }),
      });
    const refused = await post('application/xml');
    expect(refused.status).toBe(406);
    await refused.body?.cancel();
    expect(exports).toBe(before);

    const { api } = recordingClient();
    const created = await client.createExport(
      api,
      { body: { name: 'e1' } },
      { idempotencyKey: key, headers: { accept: 'text/csv' } },
    );
    expect(created).toMatchObject({ ok: true, status: 201, data: 'id,rows\ne1,\n' });
    expect(exports).toBe(before + 1);

    // Accept is not part of the fingerprint: a replay is the stored response, as stored.
    const replayed = await post('application/json');
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('content-type')).toBe('text/csv');
    expect(await replayed.text()).toBe('id,rows\ne1,\n');
    expect(exports).toBe(before + 1);
  });
});
