import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';

/**
 * A keyword ajv cannot compile is a warning at that keyword (`schema-keyword-unchecked`), and the server
 * still generates; a schema that still fails to compile without such keywords is the spec's fault: a located
 * `schema-invalid` error, not a crash.
 */
describe('schema-invalid', () => {
  it('warns at a request body keyword with a value of the wrong type, and generates the server', async () => {
    const result = await generate({
      spec: 'fixtures/gen-schema-invalid/body-keyword.yaml',
      target: 'server',
    });
    expect(result.files.length).toBeGreaterThan(0);
    expect(result.diagnostics).toMatchObject([
      {
        code: 'schema-keyword-unchecked',
        severity: 'warning',
        pointer:
          '/paths/~1things/post/requestBody/content/application~1json/schema/properties/name/minLength',
        line: 15,
      },
    ]);
    expect(result.diagnostics[0]!.message).toContain(
      '`minLength` cannot be compiled (minLength must be integer)',
    );
  });

  it('warns at a component pattern that is no regular expression', async () => {
    const result = await generate({
      spec: 'fixtures/gen-schema-invalid/component-pattern.yaml',
      target: 'server',
    });
    expect(result.diagnostics).toMatchObject([
      { code: 'schema-keyword-unchecked', pointer: '/components/schemas/ThingId/pattern', line: 18 },
    ]);
    expect(result.diagnostics[0]!.message).toContain('[unclosed');
  });

  it('warns at a response keyword (lint finds it whether or not response validators are asked for)', async () => {
    const spec = 'fixtures/gen-schema-invalid/response-keyword.yaml';
    for (const responseValidators of [false, true]) {
      const result = await generate({ spec, target: 'server', responseValidators });
      expect(result.diagnostics).toMatchObject([
        {
          code: 'schema-keyword-unchecked',
          severity: 'warning',
          pointer: '/paths/~1things/get/responses/200/content/application~1json/schema/maxItems',
        },
      ]);
      expect(result.files.length).toBeGreaterThan(0);
    }
  });

  it('points at the request body schema that still cannot be compiled', async () => {
    const result = await generate({
      spec: 'fixtures/gen-schema-invalid/nullable-contradiction.yaml',
      target: 'server',
    });
    expect(result.files).toEqual([]);
    const [diagnostic] = result.diagnostics.filter((d) => d.severity === 'error');
    expect(diagnostic).toMatchObject({
      code: 'schema-invalid',
      pointer: '/paths/~1things/post/requestBody/content/application~1json/schema',
      line: 11,
    });
    expect(diagnostic!.message).toContain('request body of createThing');
    expect(diagnostic!.message).toContain('type: null contradicts nullable: false');
  });

  it('leaves the client target alone (it compiles no validators)', async () => {
    const result = await generate({
      spec: 'fixtures/gen-schema-invalid/nullable-contradiction.yaml',
      target: 'client',
    });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.files.length).toBeGreaterThan(0);
  });
});
