/**
 * Swagger 2.0 input: converted by swagger2openapi, with diagnostics at the original file's lines, and with
 * external `$ref`s still under our `$ref` policy (the converter resolves and fetches nothing).
 */
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { loadSpec } from '../../src/load/load.js';
import { APPROXIMATE_NOTE } from '../../src/load/swagger-2-pointers.js';
import { locateDiagnostics } from '../../src/load/types.js';
import { FIXTURES } from './fixtures-dir.js';

const PETSTORE = 'swagger-2-petstore/swagger.yaml';
const errorsOf = <T extends { severity: string }>(diagnostics: T[]) =>
  diagnostics.filter((d) => d.severity === 'error');

describe('Swagger 2.0: conversion', () => {
  it('loads a converted document that keeps x-idempotency and x-retry', async () => {
    const { spec, diagnostics } = await loadSpec({ source: PETSTORE, cwd: FIXTURES });
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['swagger-2-converted', 'info']]);
    expect(diagnostics[0]?.message).toMatch(/Swagger 2\.0 to OpenAPI 3\.0.*approximate/);
    const paths = spec?.document.paths as Record<string, Record<string, Record<string, unknown>>>;
    expect(paths['/pets']?.post?.['x-idempotency']).toEqual({ required: true, ttl: '24h' });
    expect(spec?.document['x-retry']).toEqual({ maxAttempts: 3 });
    expect(paths['/pets']?.post?.requestBody).toMatchObject({ required: true });
  });

  it('locates converted pointers at the original lines', async () => {
    const { spec } = await loadSpec({ source: PETSTORE, cwd: FIXTURES });
    expect(spec?.locate('/paths/~1pets/post/x-idempotency/ttl')).toEqual({
      file: PETSTORE,
      pointer: '/paths/~1pets/post/x-idempotency/ttl',
      line: 60,
      column: 9,
    });
    expect(spec?.locate('/components/schemas/NewPet/properties/name')).toMatchObject({
      pointer: '/definitions/NewPet/properties/name',
      line: 113,
    });
    expect(
      spec?.locateMany?.(['/paths/~1pets/post/requestBody/content/application~1json/schema', '/servers/0']),
    ).toEqual([
      { file: PETSTORE, pointer: '/paths/~1pets/post/parameters/1/schema', line: 68, column: 11 },
      { file: PETSTORE, pointer: '/host', line: 5, column: 1, approximate: true },
    ]);
  });

  it('says when a position is approximate', async () => {
    const { spec } = await loadSpec({ source: PETSTORE, cwd: FIXTURES });
    const [moved, kept] = locateDiagnostics(spec!, [
      { code: 'x', severity: 'warning', message: 'moved.', pointer: '/servers/0/url' },
      { code: 'x', severity: 'warning', message: 'kept.', pointer: '/paths/~1pets/post/x-idempotency' },
    ]);
    expect(moved).toMatchObject({ pointer: '/host', line: 5, message: `moved. ${APPROXIMATE_NOTE}` });
    expect(kept).toMatchObject({ pointer: '/paths/~1pets/post/x-idempotency', line: 58, message: 'kept.' });
  });

  it('validates x-idempotency as usual, at the original line', async () => {
    const result = await lint({ spec: 'swagger-2-errors/invalid-idempotency.yaml', cwd: FIXTURES });
    expect(result.usable).toBe(true);
    expect(errorsOf(result.diagnostics)).toEqual([
      expect.objectContaining({
        code: 'extension-invalid',
        file: 'swagger-2-errors/invalid-idempotency.yaml',
        pointer: '/paths/~1orders/post/x-idempotency/ttl',
        line: 12,
        column: 9,
      }),
    ]);
    expect(result.diagnostics.map((d) => d.code)).toContain('swagger-2-converted');
  });

  it('a converter failure is a located error naming the converter message, and no spec', async () => {
    const { spec, diagnostics } = await loadSpec({
      source: 'swagger-2-errors/unconvertible.yaml',
      cwd: FIXTURES,
    });
    expect(spec).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'swagger-2-conversion-failed',
        severity: 'error',
        file: 'swagger-2-errors/unconvertible.yaml',
        pointer: '/swagger',
        line: 1,
        column: 1,
      }),
    ]);
    expect(diagnostics[0]?.message).toContain('info must be an object');
    expect(diagnostics[0]?.message).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['an unquoted 2.0 (a number)', 'swagger: 2.0\ninfo: {title: t, version: "1"}\npaths: {}\n', /Quote/],
    ['Swagger 1.2', 'swagger: "1.2"\n', /swagger: "2.0"/],
  ])('refuses %s', async (_name, text, hint) => {
    const { spec, diagnostics } = await loadSpec({ source: '-', stdin: Readable.from([text]) });
    expect(spec).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'swagger-version-unsupported', line: 1 })]);
    expect(diagnostics[0]?.hint).toMatch(hint);
  });

  it.each([
    [
      'a definition',
      'swagger-2-errors/missing-definition.yaml',
      '/paths/~1a/get/responses/200/schema/$ref',
      11,
    ],
    [
      'a parameter (which the converter would drop)',
      'swagger-2-errors/missing-parameter.yaml',
      '/paths/~1a/get/parameters/0/$ref',
      8,
    ],
  ])('reports a $ref to a missing %s as written, before converting', async (_name, source, pointer, line) => {
    const { spec, diagnostics } = await loadSpec({ source, cwd: FIXTURES });
    expect(spec).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'ref-unresolved', file: source, pointer, line }),
    ]);
    expect(diagnostics[0]?.message).toMatch(/has nothing at #\/(definitions|parameters)\/Missing/);
  });
});

describe('Swagger 2.0: what the converter cannot carry over', () => {
  it('is a warning at the original place, and the note leaves the document', async () => {
    const source = 'swagger-2-errors/lossy-header.yaml';
    const { spec, diagnostics } = await loadSpec({ source, cwd: FIXTURES });
    expect(diagnostics.map((d) => [d.code, d.severity, d.pointer, d.line])).toEqual([
      ['swagger-2-converted', 'info', '/swagger', 1],
      ['swagger-2-conversion-warning', 'warning', '/paths/~1a/get/responses/200/headers/X-Tags', 11],
    ]);
    expect(diagnostics[1]?.message).toContain('collectionFormat:ssv');
    expect(JSON.stringify(spec?.document)).not.toContain('x-s2o-warning');
  });
});

describe('Swagger 2.0: external $refs stay under the $ref policy', () => {
  it('bundles a schema from another Swagger 2.0 file, located in that file', async () => {
    const { spec, diagnostics } = await loadSpec({
      source: 'swagger-2-refs/api/swagger.yaml',
      cwd: FIXTURES,
    });
    expect(errorsOf(diagnostics)).toEqual([]);
    const schema = '/paths/~1pets/get/responses/200/content/application~1json/schema/items';
    expect(spec?.locate(`${schema}/properties/name`)).toMatchObject({
      file: 'swagger-2-refs/api/common.yaml',
      pointer: '/definitions/Pet/properties/name',
      line: 16,
    });
    expect(spec?.files).toContain(join(FIXTURES, 'swagger-2-refs/api/common.yaml'));
  });

  it('refuses a file outside the ref root with our diagnostic, at the original line', async () => {
    const { spec, diagnostics } = await loadSpec({
      source: 'swagger-2-refs/api/outside-ref.yaml',
      cwd: FIXTURES,
    });
    expect(spec).toBeUndefined();
    expect(errorsOf(diagnostics)).toEqual([
      expect.objectContaining({
        code: 'ref-outside-root',
        file: 'swagger-2-refs/api/outside-ref.yaml',
        pointer: '/paths/~1pets/get/responses/200/schema/$ref',
        line: 14,
        column: 13,
      }),
    ]);
  });

  it('refuses an external parameter $ref, which would stay unconverted, once', async () => {
    const { diagnostics } = await loadSpec({
      source: 'swagger-2-refs/api/parameter-ref.yaml',
      cwd: FIXTURES,
    });
    expect(errorsOf(diagnostics)).toEqual([
      expect.objectContaining({
        code: 'swagger-2-external-ref',
        pointer: '/paths/~1pets/get/parameters/0/$ref',
        line: 11,
      }),
    ]);
    expect(errorsOf(diagnostics)[0]?.message).toContain('"common.yaml#/parameters/Limit"');
  });

  describe('remote', () => {
    let server: Server;
    let base: string;
    let dir: string;
    const requests: string[] = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        requests.push(req.url ?? '');
        res.end('type: string\n');
      });
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      dir = await mkdtemp(join(tmpdir(), 'idemgen-swagger-'));
    });
    afterAll(async () => {
      server.close();
      await rm(dir, { recursive: true, force: true });
    });

    const specWithRemoteRef = (url: string) =>
      [
        'swagger: "2.0"',
        'info: { title: t, version: "1" }',
        'paths:',
        '  /a:',
        '    get:',
        '      operationId: getA',
        '      produces: [application/json]',
        '      responses:',
        '        "200":',
        '          description: ok',
        '          schema:',
        `            $ref: "${url}"`,
        '',
      ].join('\n');

    it('does not fetch a remote $ref the policy does not allow', async () => {
      const file = join(dir, 'remote.yaml');
      await writeFile(file, specWithRemoteRef(`${base}/schema.yaml`));
      requests.length = 0;
      const { diagnostics } = await loadSpec({ source: file });
      expect(errorsOf(diagnostics)).toEqual([
        expect.objectContaining({
          code: 'ref-remote-not-allowed',
          pointer: '/paths/~1a/get/responses/200/schema/$ref',
          line: 12,
        }),
      ]);
      expect(requests).toEqual([]);
    });

    it('fetches it (once, through our reader) when the host is allowed', async () => {
      const file = join(dir, 'allowed.yaml');
      await writeFile(file, specWithRemoteRef(`${base}/schema.yaml`));
      requests.length = 0;
      const { spec, diagnostics } = await loadSpec({ source: file, allowRemoteRefs: ['127.0.0.1'] });
      expect(errorsOf(diagnostics)).toEqual([]);
      expect(spec).toBeDefined();
      expect(requests).toEqual(['/schema.yaml']);
    });
  });
});
