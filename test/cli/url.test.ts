import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/build-package.js';
import { runCli } from './support/run-cli.js';

const text = readFileSync(join(REPO_ROOT, 'fixtures/cli-errors/openapi.yaml'), 'utf8');
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/openapi.yaml')
      response.writeHead(200, { 'content-type': 'application/yaml' }).end(text);
    else response.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('idemgen lint <url>', () => {
  it('lints a spec over HTTP, names it by its URL, and prints no code frame', async () => {
    const run = await runCli(['lint', `${base}/openapi.yaml`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${base}/openapi.yaml:7:5  error`);
    expect(run.stdout).not.toMatch(/^ +> \d+ \|/m);
  });

  it('exits 2 when the URL answers 404', async () => {
    const run = await runCli(['lint', `${base}/missing.yaml`, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).summary.errors).toBe(1);
  });
});
