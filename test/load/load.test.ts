import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/load/load.js';
import { FIXTURES } from './fixtures-dir.js';

describe('loadSpec: formats and sources', () => {
  it('loads YAML 3.1 from a file path relative to cwd', async () => {
    const { spec, diagnostics } = await loadSpec({ source: 'load-yaml-3-1/openapi.yaml', cwd: FIXTURES });
    expect(diagnostics).toEqual([]);
    expect(spec?.version).toBe('3.1');
    expect(spec?.file).toBe('load-yaml-3-1/openapi.yaml');
    expect(spec?.files).toEqual([join(FIXTURES, 'load-yaml-3-1/openapi.yaml')]);
    expect(spec?.document['x-retry']).toEqual({ maxAttempts: 4 });
    expect(spec?.locate('/paths/~1orders/post/x-idempotency/ttl')).toEqual({
      file: 'load-yaml-3-1/openapi.yaml',
      pointer: '/paths/~1orders/post/x-idempotency/ttl',
      line: 12,
      column: 9,
    });
  });

  it('loads JSON 3.0 and locates pointers in it', async () => {
    const { spec, diagnostics } = await loadSpec({ source: join(FIXTURES, 'load-json-3-0/openapi.json') });
    expect(diagnostics).toEqual([]);
    expect(spec?.version).toBe('3.0');
    expect(spec?.locate('/components/schemas/Orders/items')).toMatchObject({ line: 21, column: 36 });
  });

  it('reads `-` from the given stdin stream', async () => {
    const text = await readFile(join(FIXTURES, 'load-yaml-3-1/openapi.yaml'), 'utf8');
    const { spec, diagnostics } = await loadSpec({
      source: '-',
      stdin: Readable.from([text]),
      cwd: FIXTURES,
    });
    expect(diagnostics).toEqual([]);
    expect(spec?.file).toBe('<stdin>');
    expect(spec?.files).toEqual([]);
    expect(spec?.locate('/x-retry/maxAttempts')).toEqual({
      file: '<stdin>',
      pointer: '/x-retry/maxAttempts',
      line: 6,
      column: 3,
    });
  });

  describe('over http', () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      server = createServer(async (req, res) => {
        const path = join(FIXTURES, 'load-multi-file', (req.url ?? '/').slice(1));
        try {
          res.end(await readFile(path));
        } catch {
          res.statusCode = 404;
          res.end('not found');
        }
      });
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => server.close());

    it('loads a URL and resolves its relative $refs against it', async () => {
      const { spec, diagnostics } = await loadSpec({ source: `${base}/openapi.yaml` });
      expect(diagnostics).toEqual([]);
      expect(spec?.files).toEqual([]);
      const put = '/paths/~1orders~1{orderId}/put';
      expect(spec?.locate(`${put}/requestBody/content/application~1json/schema/required`)).toEqual({
        file: `${base}/schemas/order.yaml`,
        pointer: '/required',
        line: 2,
        column: 1,
      });
    });

    it('reports a failing URL as url-fetch-failed', async () => {
      const { spec, diagnostics } = await loadSpec({ source: `${base}/missing.yaml` });
      expect(spec).toBeUndefined();
      expect(diagnostics).toMatchObject([{ code: 'url-fetch-failed', file: `${base}/missing.yaml` }]);
      expect(diagnostics[0]?.message).toContain('HTTP 404');
    });
  });
});

describe('loadSpec: unusable input', () => {
  const cases = [
    {
      name: 'missing file',
      source: 'load-nothing-here/openapi.yaml',
      expected: { code: 'file-not-found', file: 'load-nothing-here/openapi.yaml', pointer: '' },
      line: undefined,
      column: undefined,
    },
    {
      name: 'broken YAML',
      source: 'load-broken-yaml/openapi.yaml.broken',
      expected: { code: 'yaml-syntax', severity: 'error' },
      line: 11,
      column: 8,
    },
    {
      name: 'broken JSON (trailing comma)',
      source: 'load-broken-json/openapi.json',
      expected: { code: 'json-syntax', severity: 'error' },
      line: 6,
      column: 33,
    },
    {
      name: 'duplicate YAML key',
      source: 'load-duplicate-key/openapi.yaml',
      expected: { code: 'yaml-duplicate-key', message: 'duplicate key "/a"' },
      line: 9,
      column: 3,
    },
    {
      name: 'no openapi field',
      source: 'load-not-openapi/openapi.yaml',
      expected: { code: 'not-openapi', pointer: '' },
      line: 1,
      column: 1,
    },
  ];
  it.each(cases)('$name', async ({ source, expected, line, column }) => {
    const { spec, diagnostics } = await loadSpec({ source, cwd: FIXTURES });
    expect(spec).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ...expected, file: source });
    expect(diagnostics[0]?.line).toBe(line);
    expect(diagnostics[0]?.column).toBe(column);
  });

  it('converts Swagger 2.0 to OpenAPI 3.0 and says so in one info diagnostic', async () => {
    const { spec, diagnostics } = await loadSpec({ source: 'load-swagger-2/swagger.yaml', cwd: FIXTURES });
    expect(spec?.version).toBe('3.0');
    expect(spec?.document.openapi).toMatch(/^3\.0\./);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'swagger-2-converted',
        severity: 'info',
        pointer: '/swagger',
        line: 1,
      }),
    ]);
  });

  it.each([
    ['a JSON array', '[1, 2]', 'not-openapi'],
    ['a YAML scalar', 'just text', 'not-openapi'],
    ['an unquoted YAML 3.0 (a number)', 'openapi: 3.0\ninfo: {}\n', 'openapi-version-unsupported'],
    ['OpenAPI 4.0', 'openapi: 4.0.0\n', 'openapi-version-unsupported'],
  ])('rejects %s', async (_name, text, code) => {
    const { spec, diagnostics } = await loadSpec({ source: '-', stdin: Readable.from([text]) });
    expect(spec).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual([code]);
  });

  it('accepts 3.0 and 3.1 without a patch number', async () => {
    for (const [text, version] of [
      ['openapi: "3.0"\npaths: {}\n', '3.0'],
      ['{"openapi": "3.1", "paths": {}}', '3.1'],
    ] as const) {
      const { spec } = await loadSpec({ source: '-', stdin: Readable.from([text]) });
      expect(spec?.version).toBe(version);
    }
  });
});

describe('loadSpec: byte order mark', () => {
  it('ignores a UTF-8 BOM before JSON', async () => {
    const { spec, diagnostics } = await loadSpec({
      source: '-',
      stdin: Readable.from(['\uFEFF{"openapi": "3.1.0", "paths": {}}']),
    });
    expect(diagnostics).toEqual([]);
    expect(spec?.version).toBe('3.1');
  });
});
