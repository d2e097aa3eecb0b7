import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/load/load.js';
import { positionStats } from '../../src/load/positions.js';
import { validateExtensions } from '../../src/load/validate-extensions.js';

function largeSpec(paths: number): object {
  const entries: Record<string, object> = {};
  for (let i = 0; i < paths; i++) {
    entries[`/things${i}/{id}`] = {
      'x-retry': { maxAttempts: 3, backoff: { initial: '100ms', jitter: 'full' } },
      post: {
        operationId: `createThing${i}`,
        'x-idempotency': { ttl: '24h', fingerprint: ['method', 'path', 'body'] },
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
        responses: { '201': { description: 'created' } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Large', version: '1.0.0' },
    paths: entries,
    components: { schemas: { Thing: { type: 'object', properties: { name: { type: 'string' } } } } },
  };
}

describe('loading a large clean spec', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'idemgen-large-'));
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(largeSpec(5_000)));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('never computes a position', async () => {
    const before = positionStats.parses;
    const { spec, diagnostics } = await loadSpec({ source: join(dir, 'openapi.json') });
    expect(diagnostics).toEqual([]);
    expect(Object.keys(spec?.document.paths ?? {})).toHaveLength(5_000);
    expect(validateExtensions(spec!)).toEqual([]);
    expect(positionStats.parses).toBe(before);
  });

  it('parses the file once for positions when a diagnostic is located', async () => {
    const { spec } = await loadSpec({ source: join(dir, 'openapi.json') });
    const before = positionStats.parses;
    expect(spec?.locate('/paths/~1things4999~1{id}/post/x-idempotency/ttl').line).toBe(1);
    spec?.locate('/paths/~1things0~1{id}');
    expect(positionStats.parses).toBe(before + 1);
  });

  it('locates many pointers with one parse, the same as one at a time', async () => {
    const { spec } = await loadSpec({ source: join(dir, 'openapi.json') });
    const pointers = Array.from({ length: 300 }, (_, i) => `/paths/~1things${i * 16}~1{id}/post/operationId`);
    pointers.push('/components/schemas/Thing/properties/name', '/paths/~1nope', '/info/title');
    const before = positionStats.parses;
    const many = spec?.locateMany?.(pointers) ?? [];
    expect(positionStats.parses).toBe(before + 1);
    const { spec: again } = await loadSpec({ source: join(dir, 'openapi.json') });
    expect(many).toEqual(pointers.map((pointer) => again?.locate(pointer)));
    expect(new Set(many.map((at) => at.column)).size).toBe(pointers.length);
  });

  it("loads GitHub's 13 MB REST spec through the fast path", async () => {
    const require = createRequire(import.meta.url);
    const source = require.resolve('@octokit/openapi/generated/api.github.com.json');
    const before = positionStats.parses;
    const started = performance.now();
    const { spec, diagnostics } = await loadSpec({ source });
    const elapsed = performance.now() - started;
    expect(diagnostics).toEqual([]);
    expect(spec?.version).toBe('3.0');
    expect(positionStats.parses).toBe(before);
    expect(elapsed).toBeLessThan(5_000);
  });
});
