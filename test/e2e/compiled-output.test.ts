/**
 * The generated output compiled the way a project without a bundler builds it: `tsc` with `allowJs` to an
 * `outDir` (so that `server/validators.js` and `server/routes.js` are copied), then run from the compiled
 * JavaScript over a real socket.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { STRICT_OPTIONS } from '../helpers/typecheck-dir.js';

const root = mkdtempSync(join(tmpdir(), 'idemgen-compiled-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function listSources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|js)$/.test(file))
    .map((file) => join(dir, file));
}

describe('the generated output compiled with tsc (allowJs, outDir)', () => {
  it('emits every module, validators.js and routes.js included, and the compiled server answers', async () => {
    const src = join(root, 'src');
    const result = await generate({ spec: 'examples/payments.yaml', outDir: src, mode: 'write' });
    expect(result.emitted).toBeDefined();
    const out = join(root, 'dist');
    const program = ts.createProgram({
      rootNames: listSources(src),
      options: { ...STRICT_OPTIONS, noEmit: false, allowJs: true, outDir: out, rootDir: src },
    });
    const emitted = program.emit();
    const errors = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics].map((d) =>
      ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    );
    expect(errors).toEqual([]);
    writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
    const files = readdirSync(join(out, 'server'));
    expect(files).toEqual(expect.arrayContaining(['index.js', 'routes.js', 'validators.js']));

    const server = await import(pathToFileURL(join(out, 'server/index.js')).href);
    const app = server.createServer({
      handlers: {
        createPayment: (request: { body: { amount: number; currency: string } }) => ({
          status: 201,
          body: { id: 'pay_1', status: 'succeeded', ...request.body },
        }),
      },
      logger: { error: () => {} },
    });
    const http = createServer(server.toNodeHandler(app));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/payments`;
      const send = (body: string) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': 'compiled-1' },
          body,
        });
      const created = await send('{"amount":1250,"currency":"EUR"}');
      expect(created.status).toBe(201);
      const invalid = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'compiled-2' },
        body: '{"amount":"lots"}',
      });
      expect(invalid.status).toBe(400);
      const replay = await send('{"currency":"EUR","amount":1250}');
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
    } finally {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  }, 60_000);
});
