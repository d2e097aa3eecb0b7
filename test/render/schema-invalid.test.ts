import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';

/** A schema ajv cannot compile is the spec's fault: a located `schema-invalid` error, not a crash. */
describe('schema-invalid', () => {
  it('points at the request body schema whose keyword has a value of the wrong type', async () => {
    const result = await generate({
      spec: 'fixtures/gen-schema-invalid/body-keyword.yaml',
      target: 'server',
    });
    expect(result.files).toEqual([]);
    const [diagnostic] = result.diagnostics.filter((d) => d.severity === 'error');
    expect(diagnostic).toMatchObject({
      code: 'schema-invalid',
      pointer: '/paths/~1things/post/requestBody/content/application~1json/schema',
      line: 12,
    });
    expect(diagnostic!.message).toContain('request body of createThing');
    expect(diagnostic!.message).toContain('schema/properties/name/minLength must be integer');
  });

  it('names the operation whose parameter references a component with a broken pattern', async () => {
    const result = await generate({
      spec: 'fixtures/gen-schema-invalid/component-pattern.yaml',
      target: 'server',
    });
    const [diagnostic] = result.diagnostics.filter((d) => d.severity === 'error');
    expect(diagnostic).toMatchObject({ code: 'schema-invalid', pointer: '/paths/~1things~1{thingId}/get' });
    expect(diagnostic!.message).toMatch(/parameters of getThing \(or a schema it references\).*\[unclosed/);
  });

  it('names the operation whose response schema is broken, when response validators are asked for', async () => {
    const spec = 'fixtures/gen-schema-invalid/response-keyword.yaml';
    const without = await generate({ spec, target: 'server' });
    expect(without.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const result = await generate({ spec, target: 'server', responseValidators: true });
    const [diagnostic] = result.diagnostics.filter((d) => d.severity === 'error');
    expect(diagnostic).toMatchObject({ code: 'schema-invalid', pointer: '/paths/~1things/get' });
    expect(diagnostic!.message).toContain('responses of listThings');
  });

  it('leaves the client target alone (it compiles no validators)', async () => {
    const result = await generate({
      spec: 'fixtures/gen-schema-invalid/body-keyword.yaml',
      target: 'client',
    });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.files.length).toBeGreaterThan(0);
  });
});
