/**
 * Property test of the generated server fed arbitrary requests: a server is generated from
 * server-core.openapi.yaml (routes and ajv validators as `idemgen generate` writes them), built with
 * `createServerCore` and the memory store, and sent arbitrary requests (see server-requests.ts) through
 * `fetch`. Whatever arrives: never a 500, never a stack trace or a file path in a response, every status
 * >= 400 an RFC 9457 problem, nothing logged as a failure, and handlers see own data only (no functions from
 * the prototype chain in parameters, no `__proto__` turned into a prototype, `Object.prototype` untouched).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { toNodeHandler } from '../../src/runtime/server/adapters/node.js';
import { createServerCore } from '../../src/runtime/server/server-core.js';
import type {
  Handler,
  HandlerRequest,
  ServerCore,
  ServerLogEntry,
  ServerRoute,
} from '../../src/runtime/server/types.js';
import { fuzzParameters } from './fuzz-settings.js';
import { rawTargetArb, sendRaw } from './raw-http.js';
import { requestArb, toWebRequest } from './server-requests.js';

const SPEC = join(import.meta.dirname, 'server-core.openapi.yaml');
const STACK_OR_PATH =
  /\n\s+at\s|\bat .+:\d+:\d+|node_modules|\/work\/|file:\/\/|\.ts:\d+|\.js:\d+|(Type|Range|Syntax|Reference)Error/;

let dir: string;
let core: ServerCore;
const logs: ServerLogEntry[] = [];
/** What the handlers saw that they must not have (functions from the prototype chain, foreign prototypes). */
const violations: string[] = [];

/**
 * Object, Array or Uint8Array, or no prototype at all; or an empty, member-less prototype that ends in null
 * (the runtime's null-prototype records).
 */
function hasPlainPrototype(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  if (
    proto === Object.prototype ||
    proto === Array.prototype ||
    proto === null ||
    value instanceof Uint8Array
  ) {
    return true;
  }
  return (
    typeof proto === 'object' &&
    Reflect.ownKeys(proto as object).length === 0 &&
    Object.getPrototypeOf(proto) === null
  );
}

function checkOwnData(where: string, value: unknown, depth = 0): void {
  if (typeof value === 'function') violations.push(`${where} is a function`);
  if (typeof value !== 'object' || value === null || depth > 80) return;
  if (!hasPlainPrototype(value)) violations.push(`${where} has a foreign prototype`);
  for (const key of Object.keys(value))
    checkOwnData(`${where}.${key}`, (value as Record<string, unknown>)[key], depth + 1);
}

const echo =
  (status: number): Handler =>
  (request: HandlerRequest) => {
    checkOwnData('path', request.path);
    checkOwnData('query', request.query);
    checkOwnData('headers', request.headers);
    if (typeof request.body === 'object' && !(request.body instanceof Uint8Array))
      checkOwnData('body', request.body);
    return {
      status,
      headers: (status === 201 ? { Location: '/orders/1' } : {}) as Record<string, string>,
      body: {
        query: Object.keys(request.query),
        path: Object.keys(request.path),
        key: request.idempotencyKey ?? null,
      },
    };
  };

beforeAll(async () => {
  const result = await generate({ spec: SPEC, target: 'server', runtime: 'package', mode: 'none' });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  dir = await mkdtemp(join(tmpdir(), 'idemgen-fuzz-server-'));
  for (const file of result.files.filter(
    (f) => f.path === 'server/routes.js' || f.path === 'server/validators.js',
  )) {
    await writeFile(join(dir, file.path.slice('server/'.length)), file.contents);
  }
  const { routes } = (await import(pathToFileURL(join(dir, 'routes.js')).href)) as { routes: ServerRoute[] };
  core = createServerCore({
    routes,
    handlers: {
      createOrder: echo(201),
      getOrder: echo(200),
      searchOrders: echo(200),
      putNote: echo(200),
      patchItem: echo(200),
      getCafe: echo(200),
    },
    principal: (request) => request.headers.get('x-user') || undefined,
    logger: { error: (entry) => logs.push(entry) },
  });
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  if (server) await new Promise((resolve) => server?.close(resolve));
});

let server: Server | undefined;
async function listen(): Promise<number> {
  server ??= createServer(toNodeHandler(core));
  if (!server.listening) await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function expectSafeResponse(response: Response): Promise<void> {
  const text = await response.text();
  const summary = `${response.status} ${text.slice(0, 300)}`;
  expect(response.status, summary).not.toBe(500);
  expect(response.status >= 100 && response.status <= 599, summary).toBe(true);
  expect(text, summary).not.toMatch(STACK_OR_PATH);
  if (response.status >= 400) {
    expect(response.headers.get('content-type'), summary).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(text) as Record<string, unknown>;
    expect(typeof problem.type, summary).toBe('string');
    expect(typeof problem.title, summary).toBe('string');
    expect(problem.status, summary).toBe(response.status);
    expect(typeof problem.detail, summary).toBe('string');
    expect(typeof problem.instance, summary).toBe('string');
  }
}

describe('server core fed arbitrary requests (property)', () => {
  it('never answers 500 or leaks a stack; every error is a problem; handlers see own data only', async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, async (input) => {
        const request = toWebRequest(input);
        if (request === undefined) return;
        logs.length = 0;
        violations.length = 0;
        const response = await core.fetch(request);
        await expectSafeResponse(response);
        expect(logs.map((entry) => entry.message)).toEqual([]);
        expect(violations.join('; ')).toBe('');
        expect(Object.keys(Object.prototype)).toEqual([]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      fuzzParameters(300, { timeout: 10_000 }),
    );
  });

  it('an operation without a handler answers 501, whatever the request', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), requestArb, async (id, input) => {
        const request = toWebRequest({ ...input, method: 'DELETE', path: `/orders/${id}`, body: undefined });
        if (request === undefined) return;
        const response = await core.fetch(request);
        expect(response.status).toBe(501);
        await expectSafeResponse(response);
      }),
      fuzzParameters(50),
    );
  });

  it('through the Node adapter on a socket, raw request targets and headers: the same guarantees', async () => {
    const port = await listen();
    await fc.assert(
      fc.asyncProperty(
        requestArb,
        rawTargetArb,
        fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'FOO', 'M-SEARCH'),
        fc.boolean(),
        async (input, rawTarget, rawMethod, asGenerated) => {
          // Half the time the generated request's own method and target (which mostly name an operation),
          // with the bytes a client may put in a request line.
          const target = asGenerated
            ? `${input.path}${input.query ? `?${input.query}` : ''}`.replace(
                /[^\x21-\x7e\u0080-\uffff]|#/g,
                encodeURIComponent,
              )
            : rawTarget;
          const method = asGenerated ? input.method.toUpperCase() : rawMethod;
          logs.length = 0;
          violations.length = 0;
          const headers = Object.entries(input.headers).filter(([, v]) => !/[\r\n\0]/.test(v));
          if (input.duplicateKey !== undefined) headers.push(['Idempotency-Key', input.duplicateKey]);
          const body = method === 'GET' || method === 'HEAD' ? undefined : input.body;
          const response = await sendRaw(port, { method, target, headers, body });
          if (response === undefined) return;
          // Node's own parser answers a request it cannot read (400, no body); our answers carry X-Request-Id.
          if (response.headers.get('x-request-id') === null) {
            expect(response.status).not.toBe(500);
            return;
          }
          if (method === 'HEAD') {
            expect(response.status).not.toBe(500);
            return;
          }
          await expectSafeResponse(response);
          expect(logs.map((entry) => entry.message)).toEqual([]);
          expect(violations.join('; ')).toBe('');
        },
      ),
      fuzzParameters(150, { timeout: 10_000 }),
    );
  });
});
