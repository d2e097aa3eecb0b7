import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { documentToReachable } from '../../src/render/validators/reachable-document.js';

const PAYMENTS = 'examples/payments.yaml';
const HOSTILE = 'fixtures/gen-hostile/openapi.yaml';
const schemaOf = (files: { path: string; contents: string }[]) =>
  files.find((f) => f.path === 'schema.ts')?.contents;

describe('the types worker', () => {
  it('reports a syntax error in a template override with the template that made it', async () => {
    const result = await generate({
      spec: PAYMENTS,
      target: 'client',
      partials: { header: '// header\nexport const broken = ;\n' },
    });
    expect(result.syntaxProblems.length).toBeGreaterThan(0);
    const problem = result.syntaxProblems[0]!;
    expect(problem.template).toMatch(/^client\//);
    expect(problem.message).toBe('Unexpected ";"');
    expect(problem.column).toBe('export const broken = ;'.indexOf(';') + 1);
    expect(problem.excerpt).toContain('export const broken = ;');
    expect(problem.line).toBeGreaterThan(0);
  }, 60_000);

  it('gives concurrent generations each their own types (no state carried between calls)', async () => {
    const alone = [await generate({ spec: PAYMENTS }), await generate({ spec: HOSTILE })].map((r) =>
      schemaOf(r.files),
    );
    const together = (await Promise.all([generate({ spec: PAYMENTS }), generate({ spec: HOSTILE })])).map(
      (r) => schemaOf(r.files),
    );
    expect(alone[0]).toContain('createPayment');
    expect(alone[1]).not.toContain('createPayment');
    expect(together).toEqual(alone);
  }, 60_000);
});

describe('documentToReachable', () => {
  const document = {
    paths: { '/a': { get: { responses: {} } } },
    components: {
      schemas: {
        A: { type: 'object', properties: { b: { $ref: '#/components/schemas/B' } } },
        B: { type: 'array', items: { $ref: '#/components/schemas/A' } },
        Unused: { type: 'string' },
        'x/y': { type: 'integer' },
      },
      parameters: { P: { name: 'p', in: 'query', schema: { $ref: '#/components/schemas/x~1y' } } },
    },
  };

  it.each([
    { roots: [{ $ref: '#/components/schemas/A' }], kept: { schemas: ['A', 'B'] } },
    { roots: [{ $ref: '#/components/schemas/B/items' }], kept: { schemas: ['B', 'A'] } },
    { roots: [{ $ref: '#/components/schemas/x~1y' }], kept: { schemas: ['x/y'] } },
    { roots: [{ type: 'string' }], kept: {} },
  ])('keeps what $roots reaches, at the same pointers', ({ roots, kept }) => {
    const reached = documentToReachable({ document, roots });
    const names = Object.fromEntries(
      Object.entries((reached?.components ?? {}) as Record<string, object>).map(([k, v]) => [
        k,
        Object.keys(v),
      ]),
    );
    expect(names).toEqual(kept);
    expect(reached?.paths).toBeUndefined();
  });

  it.each(['#/paths/~1a/get', '#anchor', 'other.yaml#/components/schemas/A'])(
    'gives up (whole document) on a $ref outside components: %s',
    (ref) => {
      expect(documentToReachable({ document, roots: [{ $ref: ref }] })).toBeUndefined();
    },
  );
});
