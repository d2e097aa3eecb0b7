import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import type { toNodeHandler } from '../../src/runtime/server/adapters/node.js';
import type { ServerCore, ServerCoreOptions } from '../../src/runtime/server/types.js';

/** What the generated `server/index.ts` exports (the parts used here). */
interface GeneratedServer {
  createServer(options: Omit<ServerCoreOptions, 'routes'>): ServerCore;
  toNodeHandler: typeof toNodeHandler;
}

const SPEC = resolve('fixtures/server-limits/openapi.yaml');
let outDir: string;
let server: GeneratedServer;

beforeAll(async () => {
  mkdirSync(resolve('test/.out'), { recursive: true });
  outDir = mkdtempSync(resolve('test/.out', 'server-limits-'));
  const result = await generate({ spec: SPEC, outDir, mode: 'write', target: 'server', maxBodySize: '2kb' });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  server = (await import(pathToFileURL(join(outDir, 'server/index.ts')).href)) as GeneratedServer;
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

async function listen(options: Partial<ServerCoreOptions> = {}) {
  const core = server.createServer({
    handlers: {
      createNote: (request) => ({ status: 200, body: { body: request.body, query: request.query } }),
      upload: () => ({ status: 204 }),
      getItem: (request) => ({ status: 200, body: request.path }),
    },
    ...options,
  });
  const http = createHttpServer(server.toNodeHandler(core));
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((done) => {
      http.closeAllConnections();
      http.close(() => done());
    });
  return { url, close };
}

const post = (url: string, body: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
const note = (bytes: number) => JSON.stringify({ text: 'x'.repeat(bytes - 11) });

describe('the generated server, over a socket', () => {
  it("applies the config's maxBodySize, the spec's x-max-body-size over it, and createServer's option between", async () => {
    const plain = await listen();
    try {
      expect(note(2048)).toHaveLength(2048);
      expect((await post(`${plain.url}/notes`, note(2048))).status).toBe(200);
      const over = await post(`${plain.url}/notes`, note(2049));
      expect(over.status).toBe(413);
      expect(await over.json()).toMatchObject({ title: 'Request too large', maxBodyBytes: 2048 });
      const upload = await post(`${plain.url}/uploads`, note(1500));
      expect(upload.status).toBe(413);
      expect(((await upload.json()) as { maxBodyBytes: number }).maxBodyBytes).toBe(1024);
    } finally {
      await plain.close();
    }
    const roomy = await listen({ maxBodyBytes: 4096 });
    try {
      expect((await post(`${roomy.url}/notes`, note(3000))).status).toBe(200);
      expect((await post(`${roomy.url}/uploads`, note(1500))).status).toBe(413);
    } finally {
      await roomy.close();
    }
  });

  it('answers hostile bodies and names with 400s, never a 500', async () => {
    const running = await listen();
    try {
      const deep = await post(`${running.url}/notes`, `${'['.repeat(1000)}${']'.repeat(1000)}`);
      expect(deep.status).toBe(400);
      const proto = await post(`${running.url}/notes`, '{"__proto__":{"isAdmin":true}}');
      expect(proto.status).toBe(400);
      expect(((await proto.json()) as { errors: unknown }).errors).toEqual([
        { pointer: '/body/__proto__', message: 'is not allowed' },
      ]);
      const echoed = await post(`${running.url}/notes?tag=a`, '{"a":1}');
      const { query } = (await echoed.json()) as { query: Record<string, unknown> };
      expect(query).toEqual({ tag: 'a' });
      const item = await fetch(`${running.url}/caf%C3%A9/th%C3%A9`);
      expect(item.status).toBe(200);
      expect(await item.json()).toEqual({ item: 'thé' });
    } finally {
      await running.close();
    }
  });
});
