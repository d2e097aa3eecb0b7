/**
 * Issue 15: parameters in every location and style (fixtures/params-styles), end to end over a socket on
 * 127.0.0.1: the generated client against the generated server. A raw `node:http` listener in front of the
 * generated handler records the exact wire text (request target, headers); handlers echo the typed values
 * they got, after parsing and validation (so `R` is the number 100, not the text).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import type { Client, ClientOptions } from '../../src/runtime/client/types.js';
import type { toNodeHandler } from '../../src/runtime/server/adapters/node.js';
import type { Handler, ServerCore, ServerCoreOptions } from '../../src/runtime/server/types.js';

const SPEC = resolve('fixtures/params-styles/openapi.yaml');
const OPERATIONS = [
  'pathSimple',
  'pathLabel',
  'pathMatrix',
  'queryForm',
  'queryDelimited',
  'queryContent',
  'headerSimple',
  'cookieForm',
] as const;

type Result =
  | { ok: true; status: number; data: unknown }
  | { ok: false; error: { kind: string; status?: number; body?: unknown } };
type Call = (client: Client, input: Record<string, unknown>, options?: object) => Promise<Result>;

interface GeneratedServer {
  createServer(options: Omit<ServerCoreOptions, 'routes'>): ServerCore;
  toNodeHandler: typeof toNodeHandler;
}
type GeneratedClient = { createClient(options: ClientOptions): Client } & Record<
  (typeof OPERATIONS)[number],
  Call
>;

let outDir: string;
let client: GeneratedClient;
let api: Client;
let url: string;
let close: () => Promise<void>;
/** What the socket carried for the last request. */
let wire: { url: string; headers: IncomingHttpHeaders } | undefined;

const echo: Handler = (request) => ({
  status: 200,
  body: {
    path: request.path,
    query: request.query,
    cookies: request.cookies,
    headers: Object.fromEntries(
      Object.entries(request.headers).filter(([name]) => /^x-(prim|list|obj)/.test(name)),
    ),
  },
});

beforeAll(async () => {
  mkdirSync(resolve('test/.out'), { recursive: true });
  outDir = mkdtempSync(resolve('test/.out', 'parameter-styles-'));
  const result = await generate({ spec: SPEC, outDir, mode: 'write', target: 'both' });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const server = (await import(pathToFileURL(join(outDir, 'server/index.ts')).href)) as GeneratedServer;
  client = (await import(pathToFileURL(join(outDir, 'client/index.ts')).href)) as GeneratedClient;
  const core = server.createServer({
    handlers: Object.fromEntries(OPERATIONS.map((id) => [id, echo])),
  });
  const handle = server.toNodeHandler(core);
  const http = createHttpServer((req, res) => {
    wire = { url: req.url ?? '', headers: req.headers };
    return handle(req, res);
  });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  api = client.createClient({ baseUrl: url });
  close = () =>
    new Promise<void>((done) => {
      http.closeAllConnections();
      http.close(() => done());
    });
}, 120_000);
afterAll(async () => {
  await close?.();
  rmSync(outDir, { recursive: true, force: true });
});

const COLORS = ['blue', 'black', 'brown'];
const RGB = { R: 100, G: 200, B: 150 };
const PATH = { p: 'blue', a: COLORS, o: RGB, ax: COLORS, ox: RGB };

async function call(id: (typeof OPERATIONS)[number], input: Record<string, unknown>, options?: object) {
  wire = undefined;
  const result = await client[id](api, input, options);
  if (!result.ok) throw new Error(`${id}: ${JSON.stringify(result.error)}`);
  return { data: result.data as Record<string, Record<string, unknown>>, wire: wire! };
}

describe('path parameters', () => {
  it.each([
    ['pathSimple', '/simple/blue/blue,black,brown/R,100,G,200,B,150/blue,black,brown/R=100,G=200,B=150'],
    ['pathLabel', '/label/.blue/.blue,black,brown/.R,100,G,200,B,150/.blue.black.brown/.R=100.G=200.B=150'],
    [
      'pathMatrix',
      '/matrix/;p=blue/;a=blue,black,brown/;o=R,100,G,200,B,150/;ax=blue;ax=black;ax=brown/;R=100;G=200;B=150',
    ],
  ] as const)('%s: written as the style table says, read back typed', async (id, target) => {
    const { data, wire } = await call(id, { path: PATH });
    expect(wire.url).toBe(target);
    expect(data.path).toEqual(PATH);
  });

  it('percent-encodes reserved characters inside values, and reads them back', async () => {
    const path = { p: 'a/b,c', a: ['x,y', 'z.w'], o: { R: 1, G: 2, B: 3 }, ax: ['a b', 'é'], ox: { R: 4 } };
    const { data, wire } = await call('pathLabel', { path });
    expect(wire.url).toBe('/label/.a%2Fb%2Cc/.x%2Cy,z.w/.R,1,G,2,B,3/.a%20b.%C3%A9/.R=4');
    expect(data.path).toEqual(path);
  });
});

describe('query parameters', () => {
  it('form: primitive, exploded and non-exploded arrays and objects', async () => {
    const query = { q: 'a b+c', n: 3, tags: COLORS, ids: [1, 2], filter: RGB, point: { x: 1, y: 2 } };
    const { data, wire } = await call('queryForm', { query });
    expect(wire.url).toBe(
      '/query/form?q=a%20b%2Bc&n=3&tags=blue&tags=black&tags=brown&ids=1,2&filter=R,100,G,200,B,150&x=1&y=2',
    );
    expect(data.query).toEqual(query);
  });

  it('spaceDelimited, pipeDelimited and deepObject', async () => {
    const query = { sp: COLORS, pp: COLORS, deep: RGB };
    const { data, wire } = await call('queryDelimited', { query });
    expect(wire.url).toBe(
      '/query/delimited?sp=blue%20black%20brown&pp=blue%7Cblack%7Cbrown&deep%5BR%5D=100&deep%5BG%5D=200&deep%5BB%5D=150',
    );
    expect(data.query).toEqual(query);
  });

  it('content (JSON in a query parameter) and allowReserved', async () => {
    const query = { where: { name: 'a&b', tags: ['x'] }, next: '/items?page=2&size=10' };
    const { data, wire } = await call('queryContent', { query });
    expect(wire.url).toBe(
      '/query/content?where=%7B%22name%22%3A%22a%26b%22%2C%22tags%22%3A%5B%22x%22%5D%7D&next=/items?page%3D2%26size%3D10',
    );
    // allowReserved keeps `/` and `?` as they are, but not `=` and `&`, which would split the query.
    expect(data.query).toEqual(query);
  });
});

describe('header and cookie parameters', () => {
  it('header simple: primitive, array, object, exploded object', async () => {
    const headers = { 'X-Prim': 7, 'X-List': COLORS, 'X-Obj': RGB, 'X-Obj-Exploded': RGB };
    const { data, wire } = await call('headerSimple', { headers });
    expect(wire.headers['x-prim']).toBe('7');
    expect(wire.headers['x-list']).toBe('blue,black,brown');
    expect(wire.headers['x-obj']).toBe('R,100,G,200,B,150');
    expect(wire.headers['x-obj-exploded']).toBe('R=100,G=200,B=150');
    expect(data.headers).toEqual({ 'x-prim': 7, 'x-list': COLORS, 'x-obj': RGB, 'x-obj-exploded': RGB });
  });

  it('cookie form: one Cookie header, after a Cookie the caller set, typed on the handler', async () => {
    const cookies = { session: 'a b;c', limit: 5, colors: COLORS, rgb: RGB };
    const { data, wire } = await call('cookieForm', { cookies }, { headers: { Cookie: 'other=1' } });
    expect(wire.headers.cookie).toBe(
      'other=1; session=a%20b%3Bc; limit=5; colors=blue,black,brown; rgb=R,100,G,200,B,150',
    );
    expect(data.cookies).toEqual(cookies);
  });
});

describe('what does not parse or validate', () => {
  const problem = async (target: string, init?: RequestInit) => {
    const response = await fetch(`${url}${target}`, init);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { type: string; errors: Array<{ pointer: string }> };
    expect(body.type).toMatch(/request-validation-failed$/);
    return body.errors.map((e) => e.pointer);
  };

  it('a label parameter without its `.` is 400 at /path/<name>', async () => {
    expect(await problem('/label/blue/.a/.R,1/.a/.R=1')).toEqual(['/path/p']);
  });

  it('an object given an odd number of items is 400 at /query/<name>', async () => {
    expect(await problem('/query/form?filter=R,100,G')).toEqual(['/query/filter']);
  });

  it('a cookie that is not the integer its schema says is 400 at /cookies/<name>', async () => {
    expect(await problem('/cookies', { headers: { cookie: 'session=s; limit=many' } })).toEqual([
      '/cookies/limit',
    ]);
  });

  it('a required cookie that is missing is 400 at /cookies/<name>', async () => {
    expect(await problem('/cookies')).toEqual(['/cookies/session']);
  });
});
