import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateValidators } from '../../../src/render/validators/generate-validators.js';

type Issue = { pointer: string; message: string };
type Validate = (input: Record<string, unknown>) => Issue[] | null;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'idemgen-own-params-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('generated validators read parameters as own properties', () => {
  const generated = generateValidators({
    document: { openapi: '3.1.0', info: { title: 'T', version: '1' }, paths: {} },
    openapi: '3.1',
    operations: [
      {
        id: 'find',
        parameters: [
          { name: 'constructor', in: 'query', required: true, schema: { type: 'string' } },
          { name: '__proto__', in: 'query', required: false, schema: { type: 'integer' } },
        ],
      },
    ],
  });

  it('a required parameter named constructor is missing unless sent; __proto__ stays a plain value', async () => {
    const file = join(dir, 'validators.mjs');
    await writeFile(file, generated.js);
    const { validateFind } = (await import(pathToFileURL(file).href)) as Record<string, Validate>;
    expect(validateFind!({ path: {}, query: {}, headers: {} })).toEqual([
      { pointer: '/query/constructor', message: 'is required' },
    ]);
    const query = JSON.parse('{"constructor":"c","__proto__":"5"}');
    const input: Record<string, unknown> = { path: {}, query, headers: {} };
    expect(validateFind!(input)).toBeNull();
    const coerced = input.query as Record<string, unknown>;
    // ajv leaves a property named __proto__ unchecked (and so uncoerced); it is not a prototype either.
    expect(Object.getOwnPropertyDescriptor(coerced, '__proto__')?.value).toBe('5');
    expect(Object.getPrototypeOf(Object.getPrototypeOf(coerced))).toBeNull();
    expect(coerced.constructor).toBe('c');
  });
});
