/**
 * Without `@opentelemetry/api` installed, the generated client and server run as they always did. The
 * output is generated into a temporary directory outside the repository, so that Node's module resolution
 * from there finds no `node_modules` holding the API, and run in a child process (tsx loaded by absolute
 * path): the child first proves the API cannot be imported, then runs a call whose first answer is lost.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';

const TSX = pathToFileURL(resolve('node_modules/tsx/dist/esm/index.mjs')).href;

const CHILD = `
import http from 'node:http';
import { createClient, createPayment } from './out/client/index.ts';
import { createServer, toNodeHandler } from './out/server/index.ts';

let apiMissing = false;
try {
  await import('@opentelemetry/api');
} catch (error) {
  apiMissing = error.code === 'ERR_MODULE_NOT_FOUND';
}
let executions = 0;
const serverSaw = [];
const core = createServer({
  handlers: {
    createPayment: async (request) => {
      executions++;
      return { status: 201, body: { id: 'pay_1', status: 'succeeded', ...request.body } };
    },
  },
});
const handler = toNodeHandler(core);
const server = http.createServer((req, res) => {
  serverSaw.push(req.headers.traceparent ?? null);
  handler(req, res);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const baseUrl = 'http://127.0.0.1:' + server.address().port;
const sent = [];
const client = createClient({
  baseUrl,
  fetch: async (input, init) => {
    sent.push(new Headers(init.headers).get('traceparent'));
    const response = await fetch(input, init);
    if (sent.length === 1) {
      await response.arrayBuffer();
      throw new TypeError('fetch failed (injected)');
    }
    return response;
  },
});
const result = await createPayment(client, { body: { amount: 4200, currency: 'EUR' } });
server.close();
console.log(JSON.stringify({
  apiMissing,
  registry: typeof globalThis[Symbol.for('opentelemetry.js.api.1')],
  ok: result.ok,
  status: result.status,
  attempts: result.attempts,
  replayed: result.headers?.get('idempotent-replayed'),
  executions,
  traceparentSent: sent,
  serverSaw,
  correlationId: result.correlationId,
}));
`;

let dir: string | undefined;
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('telemetry: the API absent', () => {
  it('cannot be imported, and the client and server behave as without telemetry', async () => {
    dir = mkdtempSync(join(tmpdir(), 'idemgen-otel-absent-'));
    const generated = await generate({
      spec: resolve('fixtures/e2e-server/api.yaml'),
      outDir: join(dir, 'out'),
      target: 'both',
      mode: 'write',
      checkSyntax: false,
    });
    expect(generated.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(generated.emitted).toBeTruthy();
    writeFileSync(join(dir, 'main.ts'), CHILD);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));

    const { stdout } = await promisify(execFile)(process.execPath, ['--import', TSX, 'main.ts'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '' },
      timeout: 60_000,
    });

    const seen = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
    expect(seen).toMatchObject({
      apiMissing: true,
      registry: 'undefined',
      ok: true,
      status: 201,
      attempts: 2,
      replayed: 'true',
      executions: 1,
      traceparentSent: [null, null],
      serverSaw: [null, null],
    });
    expect(seen.correlationId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  }, 90_000);
});
