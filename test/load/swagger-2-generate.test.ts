/**
 * A Swagger 2.0 spec generates a client and a server that type-check, and a problem in a definition is
 * reported at the `/definitions/...` line of the original file.
 */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { typecheckDir } from '../helpers/typecheck-dir.js';

describe('generate from Swagger 2.0', () => {
  it('generates client and server from a petstore with body, formData and definitions; it type-checks', async () => {
    const outDir = 'test/.out/swagger-2-petstore';
    rmSync(outDir, { recursive: true, force: true });
    const result = await generate({
      spec: 'fixtures/swagger-2-petstore/swagger.yaml',
      outDir,
      target: 'both',
      mode: 'write',
    });
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['swagger-2-converted', 'info']]);
    expect(result.syntaxProblems).toEqual([]);
    const createPet = result.model?.operations.find((op) => op.operationId === 'createPet');
    expect(createPet?.idempotency).toMatchObject({ required: true, ttlMs: 86_400_000 });
    expect(createPet?.requestBody).toBeDefined();
    expect(result.files.map((f) => f.path).join('\n')).toMatch(/client/);
    expect(typecheckDir(outDir)).toEqual([]);
  }, 60_000);

  it('points a schema error in a definition at the definition in the original file', async () => {
    const spec = 'fixtures/swagger-2-errors/bad-definition.yaml';
    const result = await generate({ spec, target: 'server' });
    expect(result.files).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([
      expect.objectContaining({
        code: 'schema-types-failed',
        file: spec,
        pointer: '/definitions/Thing',
        line: 21,
      }),
      expect.objectContaining({
        code: 'schema-keyword-unchecked',
        pointer: '/definitions/Thing/properties/code/pattern',
        line: 26,
        column: 9,
      }),
      expect.objectContaining({
        code: 'schema-keyword-unchecked',
        pointer: '/definitions/Thing/properties/kind',
        line: 27,
      }),
    ]);
  });
});
