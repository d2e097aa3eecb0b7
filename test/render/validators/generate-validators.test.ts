import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateValidators } from '../../../src/render/validators/generate-validators.js';
import { DOCUMENT_30, DOCUMENT_31, OPERATIONS } from './spec.js';

type Issue = { pointer: string; message: string };
type Validate = (input: Record<string, unknown>, options?: { body?: boolean }) => Issue[] | null;

let dir: string;
const load = async (js: string, name: string): Promise<Record<string, Validate>> => {
  const file = join(dir, `${name}.mjs`);
  await writeFile(file, js);
  return (await import(pathToFileURL(file).href)) as Record<string, Validate>;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'idemgen-validators-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const generated30 = generateValidators({ document: DOCUMENT_30, openapi: '3.0', operations: OPERATIONS });
const validOrder = () => ({
  path: { shopId: '7' },
  query: { limit: '10', ids: ['1', '2'], dryRun: 'true' },
  headers: { 'X-Tenant-Id': 't-1' },
  cookies: { session: 's1' },
  body: {
    items: [{ sku: 'ab', qty: 1, note: null, kind: { a: 1 } }],
    placedAt: '2024-02-29T12:00:00Z',
    email: 'a@example.test',
    ref: '6f1c2a4e-1b7d-4c59-9e0f-2a3b4c5d6e7f',
  },
});

describe('generateValidators (OpenAPI 3.0)', () => {
  it('emits one module with no imports and no requires, one export per operation, and declarations', () => {
    expect(generated30.js).not.toMatch(/\brequire\(|^import |from ['"]/m);
    expect(generated30.names).toEqual([
      { operationId: 'createOrder', name: 'validateCreateOrder' },
      { operationId: 'put-category', name: 'validatePutCategory' },
      { operationId: 'listThings', name: 'validateListThings' },
    ]);
    expect(generated30.dts).toContain(
      'export declare function validatePutCategory(input: RequestValidationInput, options?: RequestValidationOptions): RequestValidationError[] | null;',
    );
  });

  it('accepts a valid request and coerces parameters in place (numbers, booleans, arrays, lower-cased headers)', async () => {
    const { validateCreateOrder } = await load(generated30.js, 'ok');
    const input = validOrder();
    expect(validateCreateOrder!(input)).toBeNull();
    expect(input.path).toEqual({ shopId: 7 });
    expect(input.query).toEqual({ limit: 10, ids: [1, 2], dryRun: true });
    expect(input.headers).toEqual({ 'x-tenant-id': 't-1' });
    expect(input.cookies).toEqual({ session: 's1' });
  });

  it('leaves path, query and headers as they are for an operation without parameters, and still checks the body', async () => {
    const { validatePutCategory } = await load(generated30.js, 'noparams');
    const headers = { 'X-Anything': 'kept' };
    const input: Record<string, unknown> = { path: {}, query: { extra: '1' }, headers, body: { name: 7 } };
    expect(validatePutCategory!(input)).not.toBeNull();
    input.body = undefined;
    expect(validatePutCategory!(input)).toBeNull();
    expect(input.headers).toBe(headers);
    expect(input.query).toEqual({ extra: '1' });
    // No parameter validator was compiled for it: the wrapper does not copy what it would not check.
    const wrapper = generated30.js.slice(generated30.js.indexOf('export function validatePutCategory'));
    expect(wrapper.slice(0, wrapper.indexOf('\n}'))).not.toContain('idemgenCopy');
  });

  it('wraps a single value into an array for an array parameter', async () => {
    const { validateCreateOrder } = await load(generated30.js, 'wrap');
    const input = { ...validOrder(), query: { ids: '5' } };
    expect(validateCreateOrder!(input)).toBeNull();
    expect(input.query).toEqual({ ids: [5] });
  });

  it.each([
    [
      'a non-integer query param',
      { query: { limit: 'ten' } },
      [{ pointer: '/query/limit', message: 'must be integer' }],
    ],
    [
      'a query param over its maximum',
      { query: { limit: '101' } },
      [{ pointer: '/query/limit', message: 'must be <= 100' }],
    ],
    [
      'an array item that is not an integer',
      { query: { ids: ['1', 'x'] } },
      [{ pointer: '/query/ids/1', message: 'must be integer' }],
    ],
    [
      'a path param under its minimum',
      { path: { shopId: '0' } },
      [{ pointer: '/path/shopId', message: 'must be >= 1' }],
    ],
    ['a missing header', { headers: {} }, [{ pointer: '/headers/x-tenant-id', message: 'is required' }]],
    ['a missing cookie', { cookies: {} }, [{ pointer: '/cookies/session', message: 'is required' }]],
    [
      'a header in any case',
      { headers: { 'x-TENANT-id': 'nope' } },
      [{ pointer: '/headers/x-tenant-id', message: 'must match pattern "^t-"' }],
    ],
    ['a missing required body', { body: undefined }, [{ pointer: '/body', message: 'is required' }]],
  ])('reports %s', async (_name, patch, errors) => {
    const { validateCreateOrder } = await load(generated30.js, `case-${_name.replace(/\W+/g, '-')}`);
    const input = { ...validOrder(), ...patch };
    const before = structuredClone(input);
    expect(validateCreateOrder!(input)).toEqual(errors);
    expect(input).toEqual(before);
  });

  it('maps body errors through $ref components to pointers under /body', async () => {
    const { validateCreateOrder } = await load(generated30.js, 'body');
    const input = validOrder();
    input.body = {
      items: [
        { sku: 'ab', qty: 1, note: null, kind: { a: 1 } },
        // biome-ignore lint/suspicious/noExplicitAny: a deliberately wrong body
        { sku: '😀😀😀😀😀', qty: 0, extra: 1, kind: { a: 2 } } as any,
      ],
      placedAt: '2023-02-29T12:00:00Z',
      email: 'not-an-email',
      ref: 'nope',
    };
    expect(validateCreateOrder!(input)).toEqual([
      { pointer: '/body/items/1/extra', message: 'must NOT have additional properties' },
      { pointer: '/body/items/1/sku', message: 'must NOT have more than 4 characters' },
      { pointer: '/body/items/1/qty', message: 'must be > 0' },
      { pointer: '/body/items/1/kind', message: 'must be equal to one of the allowed values' },
      { pointer: '/body/placedAt', message: 'must match format "date-time"' },
      { pointer: '/body/email', message: 'must match format "email"' },
      { pointer: '/body/ref', message: 'must match format "uuid"' },
    ]);
  });

  it('does not coerce the body: a string is not an integer there', async () => {
    const { validateCreateOrder } = await load(generated30.js, 'nocoerce');
    const input = validOrder();
    input.body.items[0]!.qty = '2' as unknown as number;
    expect(validateCreateOrder!(input)).toEqual([
      { pointer: '/body/items/0/qty', message: 'must be integer' },
    ]);
  });

  it('validates circular schemas to any depth, and skips the body with { body: false }', async () => {
    const { validatePutCategory } = await load(generated30.js, 'circular');
    const deep = { name: 'a', children: [{ name: 'b', children: [{ name: 'c', children: [{ name: 1 }] }] }] };
    const base = { path: {}, query: {}, headers: {} };
    expect(validatePutCategory!({ ...base, body: deep })).toEqual([
      { pointer: '/body/children/0/children/0/children/0/name', message: 'must be string' },
    ]);
    expect(validatePutCategory!({ ...base, body: deep }, { body: false })).toBeNull();
    expect(validatePutCategory!(base)).toBeNull();
  });

  it('treats a parameter without a schema as any value, and still requires it', async () => {
    const { validateListThings } = await load(generated30.js, 'noschema');
    expect(validateListThings!({ path: {}, query: { q: 'x' }, headers: {} })).toBeNull();
    expect(validateListThings!({ path: {}, query: {}, headers: {} })).toEqual([
      { pointer: '/query/q', message: 'is required' },
    ]);
  });
});

describe('generateValidators (OpenAPI 3.1)', () => {
  it('uses the 2020-12 dialect: type arrays, numeric exclusiveMinimum, recursion', async () => {
    const { js } = generateValidators({
      document: DOCUMENT_31,
      openapi: '3.1',
      operations: [
        {
          id: 'plantTree',
          parameters: [],
          requestBody: { required: true, jsonSchema: { $ref: '#/components/schemas/Tree' } },
        },
      ],
    });
    const { validatePlantTree } = await load(js, 'tree31');
    const base = { path: {}, query: {}, headers: {} };
    expect(
      validatePlantTree!({ ...base, body: { label: null, children: [{ label: 'x', weight: 1 }] } }),
    ).toBeNull();
    expect(
      validatePlantTree!({ ...base, body: { label: 'a', children: [{ label: 2, weight: 0 }] } }),
    ).toEqual([
      { pointer: '/body/children/0/label', message: 'must be string,null' },
      { pointer: '/body/children/0/weight', message: 'must be > 0' },
    ]);
  });
});

describe('the generated module at run time', () => {
  it('runs in a plain node process from a directory with no node_modules', async () => {
    const file = join(dir, 'standalone.mjs');
    await writeFile(file, generated30.js);
    const script = `import { validateCreateOrder } from ${JSON.stringify(pathToFileURL(file).href)};
const input = { path: { shopId: '3' }, query: {}, headers: { 'x-tenant-id': 't-9' }, cookies: { session: 's' }, body: { items: [{ sku: 'abc', qty: 2, kind: 'plain' }] } };
const errors = validateCreateOrder(input);
const bad = validateCreateOrder({ path: { shopId: 'x' }, query: {}, headers: {}, body: { items: [] } });
console.log(JSON.stringify({ errors, shopId: input.path.shopId, bad }));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(JSON.parse(stdout)).toEqual({
      errors: null,
      shopId: 3,
      bad: [
        { pointer: '/path/shopId', message: 'must be integer' },
        { pointer: '/headers/x-tenant-id', message: 'is required' },
        { pointer: '/cookies/session', message: 'is required' },
        { pointer: '/body/items', message: 'must NOT have fewer than 1 items' },
      ],
    });
  });
});

describe('generateValidators on many operations (one ajv scope for all of them)', () => {
  // 450 operations, all sharing the Order schema (which references Line).
  const many: typeof OPERATIONS = Array.from({ length: 450 }, (_, i) => ({
    id: `createOrder${i}`,
    parameters: [{ name: 'shopId', in: 'path', required: true, schema: { type: 'integer', minimum: i } }],
    requestBody: { required: true, jsonSchema: { $ref: '#/components/schemas/Order' } },
  }));
  const generated = generateValidators({ document: DOCUMENT_30, openapi: '3.0', operations: many });
  const scopes = generated.js.split('const exports = {};').slice(1);
  const functions = (scope: string) => scope.match(/\bfunction validate\d+\(/g) ?? [];

  it('emits each shared schema once: one scope for the parameters, one for the bodies', () => {
    expect(scopes).toHaveLength(2);
    for (const scope of scopes) expect(new Set(functions(scope)).size).toBe(functions(scope).length);
    // The bodies: 450 exports that refer to Order's function, and Order's and Line's functions.
    const [, bodies] = scopes as [string, string];
    expect(functions(bodies).length).toBeLessThanOrEqual(450 + 2);
  });

  it('compiles every validator, and each keeps its own schema and the shared one', async () => {
    const validators = await load(generated.js, 'many');
    for (const i of [0, 199, 200, 449]) {
      const validate = validators[`validateCreateOrder${i}`]!;
      expect(validate({ ...validOrder(), path: { shopId: String(i) } })).toBeNull();
      expect(validate({ ...validOrder(), path: { shopId: String(i - 1) } })?.[0]?.pointer).toBe(
        '/path/shopId',
      );
      const badBody = { ...validOrder(), path: { shopId: String(i) }, body: { items: [] } };
      expect(validate(badBody)?.[0]?.pointer).toBe('/body/items');
      const badLine = { ...validOrder(), path: { shopId: String(i) }, body: { items: [{ sku: 'x' }] } };
      expect(validate(badLine)?.[0]?.pointer).toMatch(/^\/body\/items\/0/);
    }
  });
});

describe('generateValidators sharing repeated parameter schemas', () => {
  // createOrder's parameters three times: from the second copy on, each schema is a $ref to a shared one.
  const repeated: typeof OPERATIONS = [0, 1, 2].map((i) => ({ ...OPERATIONS[0]!, id: `createOrder${i}` }));
  const shared = generateValidators({
    document: DOCUMENT_30,
    openapi: '3.0',
    operations: repeated,
    shareParameters: true,
  });
  const inline = generateValidators({
    document: DOCUMENT_30,
    openapi: '3.0',
    operations: repeated,
    shareParameters: false,
  });
  const inputs = [
    validOrder(),
    { ...validOrder(), query: { ids: '5', limit: '100' } },
    { ...validOrder(), query: { limit: 'ten', ids: ['1', 'x'], dryRun: 'maybe' } },
    { ...validOrder(), path: { shopId: '0' }, headers: { 'x-TENANT-id': 'nope' } },
    { ...validOrder(), path: {}, headers: {} },
  ];

  it('emits less code: the later operations call the shared functions', () => {
    expect(shared.js.length).toBeLessThan(inline.js.length);
    const params = (js: string) =>
      js.slice(js.indexOf('const idemgenParams'), js.indexOf('const idemgenBody'));
    expect(params(shared.js).length).toBeLessThan(params(inline.js).length);
    // The second and third operations' parameters are then equal: one validator for both.
    const exported = (name: string) => new RegExp(`exports\\.${name} = (validate\\d+);`).exec(shared.js)?.[1];
    expect(exported('p2')).toBe(exported('p1'));
    expect(exported('p1')).not.toBe(exported('p0'));
  });

  it('validates and coerces exactly as the inline validators do', async () => {
    const a = await load(shared.js, 'shared');
    const b = await load(inline.js, 'inline');
    for (const name of ['validateCreateOrder0', 'validateCreateOrder2']) {
      for (const make of inputs) {
        const [x, y] = [structuredClone(make), structuredClone(make)];
        expect(a[name]!(x)).toEqual(b[name]!(y));
        expect(x).toEqual(y);
      }
    }
    // The coercion through a shared function replaces the value in its parent.
    const input = { ...validOrder(), query: { ids: '5', limit: '100' } };
    expect(a.validateCreateOrder2!(input)).toBeNull();
    expect(input.query).toEqual({ ids: [5], limit: 100 });
  });
});
