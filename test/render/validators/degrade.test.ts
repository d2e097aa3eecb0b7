import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../../src/generate.js';
import { lint } from '../../../src/lint.js';
import { adaptSchema } from '../../../src/render/validators/adapt-schema.js';
import { createKeywordChecker } from '../../../src/render/validators/keyword-checker.js';

type Issue = { pointer: string; message: string };
type Validate = (input: Record<string, unknown>) => Issue[] | null;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'idemgen-degrade-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Generates the server for a fixture and imports its validators module. */
async function serverValidators(fixture: string, responseValidators = false) {
  const result = await generate({
    spec: `fixtures/${fixture}/openapi.yaml`,
    target: 'server',
    responseValidators,
  });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const js = result.files.find((file) => file.path === 'server/validators.js')?.contents;
  if (js === undefined) return { errors, diagnostics: result.diagnostics, validators: {} };
  const file = join(dir, `${fixture}-${String(responseValidators)}.mjs`);
  await writeFile(file, js);
  const validators = (await import(pathToFileURL(file).href)) as Record<string, Validate>;
  return { errors, diagnostics: result.diagnostics, validators };
}

const request = (input: Record<string, unknown>) => ({ path: {}, query: {}, headers: {}, ...input });

/** Real specs are sloppy in ways every other tool tolerates: the server still generates. */
describe('validators degrade, they do not refuse', () => {
  it('ignores `nullable` in an OpenAPI 3.1 document (not a keyword there), and still checks the rest', async () => {
    const { diagnostics, validators } = await serverValidators('validators-nullable-3-1');
    expect(diagnostics).toEqual([]);
    const validate = validators.validateCreateThing!;
    expect(validate(request({ body: { name: 'a', note: 'abc' } }))).toBeNull();
    // `type: string, nullable: true` in 3.1 is `type: string`: null is not a string.
    expect(validate(request({ body: { name: null } }))).toEqual([
      { pointer: '/body/name', message: 'must be string' },
    ]);
    expect(validate(request({ body: { name: 'a', note: 'abcd' } }))).toEqual([
      { pointer: '/body/note', message: 'must NOT have more than 3 characters' },
    ]);
  });

  it('compiles a pattern without the `u` flag when it is a valid regular expression only without it', async () => {
    const { diagnostics, validators } = await serverValidators('validators-pattern-non-unicode');
    expect(diagnostics).toEqual([]);
    const validate = validators.validateGetThing!;
    expect(validate(request({ path: { thingId: '{00af}' } }))).toBeNull();
    expect(validate(request({ path: { thingId: '00af' } }))).toEqual([
      { pointer: '/path/thingId', message: 'must match pattern "^(?:{[0-9a-f]{4}})$"' },
    ]);
  });

  it('accepts an `enum` with a repeated item (the same set of values without the repeat)', async () => {
    const { diagnostics, validators } = await serverValidators('validators-enum-duplicates');
    expect(diagnostics).toEqual([]);
    const validate = validators.validateListThings!;
    expect(validate(request({ query: { sort: 'created' } }))).toBeNull();
    expect(validate(request({ query: { sort: 'size' } }))).toEqual([
      { pointer: '/query/sort', message: 'must be equal to one of the allowed values' },
    ]);
  });

  it('generates the server for `*/*` request and response media types (their bodies are not JSON-checked)', async () => {
    for (const responses of [false, true]) {
      const { errors, validators } = await serverValidators('validators-any-media-type', responses);
      expect(errors).toEqual([]);
      expect(validators.validateCreateThing!(request({ body: { name: 7 } }))).toBeNull();
    }
  });
});

describe('createKeywordChecker', () => {
  it("accepts the document's dialect and OpenAPI 3.1's base dialect in `$schema`, and no other", () => {
    const check = createKeywordChecker('3.1');
    for (const $schema of [
      'https://json-schema.org/draft/2020-12/schema',
      'https://spec.openapis.org/oas/3.1/dialect/base',
    ]) {
      const checks = { check, unchecked: [] };
      adaptSchema({ value: { $schema, type: 'string' }, openapi: '3.1', checks });
      expect(checks.unchecked).toEqual([]);
    }
    expect(check({ $schema: 'http://json-schema.org/draft-04/schema#' })).toMatchObject([
      { keyword: '$schema' },
    ]);
    expect(createKeywordChecker('3.0')({ $schema: 'http://json-schema.org/draft-07/schema#' })).toEqual([]);
  });
});

describe('type null beside oneOf', () => {
  it('reads it as "null or one of these", as the types do (strictly it admits no value)', async () => {
    const { errors, validators } = await serverValidators('gen-types-null-one-of');
    expect(errors).toEqual([]);
    const validate = validators.validatePutItem!;
    for (const body of [null, 'a', 1, true, { a: 1 }, ['a', null, [2]]]) {
      expect(validate(request({ path: { key: 'k' }, body }))).toBeNull();
    }
    expect(adaptSchema({ value: { type: 'null', oneOf: [{ type: 'string' }] }, openapi: '3.1' })).toEqual({
      oneOf: [{ type: 'string' }, { type: 'null' }],
    });
  });
});

describe('adaptSchema', () => {
  it('reads names in `properties` as names and leaves data keywords as written', () => {
    const schema = {
      type: 'object',
      properties: { nullable: { type: 'string' }, enum: { enum: ['a', 'a', { b: 1 }, { b: 1 }] } },
      example: { nullable: true, enum: [1, 1] },
      nullable: true,
    };
    expect(adaptSchema({ value: schema, openapi: '3.0' })).toEqual({
      type: 'object',
      properties: { nullable: { type: 'string' }, enum: { enum: ['a', { b: 1 }] } },
      example: { nullable: true, enum: [1, 1] },
      nullable: true,
    });
    expect(adaptSchema({ value: schema, openapi: '3.1' })).not.toHaveProperty('nullable');
  });

  it('drops only the entry of `properties` that is no schema', () => {
    const checks = { check: createKeywordChecker('3.0'), unchecked: [] };
    const schema = { type: 'object', properties: { kind: 'string', name: { type: 'string' } } };
    expect(adaptSchema({ value: schema, openapi: '3.0', pointer: '/s', checks })).toEqual({
      type: 'object',
      properties: { name: { type: 'string' } },
    });
    expect(checks.unchecked).toMatchObject([
      { pointer: '/s/properties/kind', keyword: 'properties', name: 'kind' },
    ]);
  });
});

describe('a keyword ajv cannot compile goes unchecked, with a warning (schema-keyword-unchecked)', () => {
  const spec = 'fixtures/validators-keyword-unchecked/openapi.yaml';
  const expected = [
    {
      code: 'schema-keyword-unchecked',
      severity: 'warning',
      pointer: '/paths/~1things/post/requestBody/content/application~1json/schema/properties/name/minLength',
      line: 15,
      column: 39,
    },
    {
      code: 'schema-keyword-unchecked',
      severity: 'warning',
      pointer: '/components/schemas/Code/pattern',
      line: 23,
      column: 7,
    },
  ];

  it('warns at the keyword, and the validators enforce the rest of the schema', async () => {
    const { errors, diagnostics, validators } = await serverValidators('validators-keyword-unchecked');
    expect(errors).toEqual([]);
    expect(diagnostics).toMatchObject(expected);
    expect(diagnostics[0]!.message).toContain('`minLength` cannot be compiled (minLength must be integer)');
    expect(diagnostics[1]!.message).toContain('Invalid regular expression: /[unclosed/');
    const validate = validators.validateCreateThing!;
    expect(validate(request({ body: { name: '', code: 'x[' } }))).toBeNull();
    expect(validate(request({ body: { name: 'abcdef', code: 'abcd' } }))).toEqual([
      { pointer: '/body/name', message: 'must NOT have more than 5 characters' },
      { pointer: '/body/code', message: 'must NOT have more than 3 characters' },
    ]);
  });

  it('drops a `required: true` inside a property (Swagger 2.0 style) and keeps the other keywords of the property', async () => {
    const { errors, diagnostics, validators } = await serverValidators('validators-required-in-property');
    expect(errors).toEqual([]);
    expect(diagnostics).toMatchObject([
      {
        code: 'schema-keyword-unchecked',
        pointer: '/paths/~1things/post/requestBody/content/application~1json/schema/properties/name/required',
        line: 14,
      },
    ]);
    const validate = validators.validateCreateThing!;
    expect(validate(request({ body: {} }))).toBeNull();
    expect(validate(request({ body: { name: 'abc' } }))).toEqual([
      { pointer: '/body/name', message: 'must NOT have more than 2 characters' },
    ]);
  });

  it('lint shows the same warnings', async () => {
    const result = await lint({ spec });
    expect(result.diagnostics).toMatchObject(expected);
  });

  it('warns about a `$schema` of another dialect and compiles the schema in the document dialect', async () => {
    const { errors, diagnostics, validators } = await serverValidators('validators-schema-dialect');
    expect(errors).toEqual([]);
    expect(diagnostics).toMatchObject([
      { code: 'schema-keyword-unchecked', pointer: '/components/schemas/Count/$schema' },
    ]);
    const validate = validators.validateCreateCount!;
    expect(validate(request({ body: 10 }))).toBeNull();
    expect(validate(request({ body: 11 }))).toEqual([{ pointer: '/body', message: 'must be < 11' }]);
  });
});
